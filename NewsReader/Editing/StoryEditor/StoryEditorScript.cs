using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NewsReader.Editing;

namespace NewsReader.Editing.StoryEditor;

/// <summary>
/// The browser half of the story editor (wwwroot/js/story-editor.js): it sends the body after a
/// pause in typing and keeps a copy of the fields in localStorage. Every call is a no-op until the
/// script is loaded, and one made after the browser went away is dropped: its copy in
/// localStorage is all that matters then.
/// </summary>
public sealed class StoryEditorScript(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private ElementReference _body;

    public bool Loaded => _module is not null;

    /// <summary>Loads the script and hands it the body box. Throws <see cref="JSDisconnectedException"/> when the browser is gone.</summary>
    public async Task AttachAsync<TPage>(ElementReference body, DotNetObjectReference<TPage> page, string key, LocalFields fields)
        where TPage : class
    {
        _body = body;
        _module = await js.InvokeAsync<IJSObjectReference>("import", "./js/story-editor.js");
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("attach", _body, page, key, fields);
        }
    }

    public async Task<LocalCopy?> ReadLocalAsync(string key) => _module is null ? null : await _module.InvokeAsync<LocalCopy?>("readLocal", key);

    public Task ClearLocalAsync(string key) => CallAsync(m => m.InvokeVoidAsync("clearLocal", _body, key));

    /// <summary>Sends a body change still waiting for a pause in typing, so a save has all of it.</summary>
    public Task FlushAsync() => CallAsync(m => m.InvokeVoidAsync("flush", _body));

    public Task SetBodyAsync(string body) => CallAsync(m => m.InvokeVoidAsync("setBody", _body, body));

    /// <summary>Inserts at the cursor and sends the body on, as typing would.</summary>
    public Task InsertAtCursorAsync(string text) => CallAsync(m => m.InvokeVoidAsync("insertAtCursor", _body, text));

    public Task StoreFieldsAsync(LocalFields fields, bool changed) => CallAsync(m => m.InvokeVoidAsync("storeFields", _body, fields, changed));

    public Task RekeyAsync(string key) => CallAsync(m => m.InvokeVoidAsync("rekey", _body, key));

    /// <summary>Changes the address without a reload (a new story got its id).</summary>
    public Task ReplaceUrlAsync(string url) => CallAsync(m => m.InvokeVoidAsync("replaceUrl", url));

    /// <summary>A datetime-local value ("2026-11-14T16:05") as a wall-clock time; null when it is not one.</summary>
    public static DateTime? ParseLocal(string local) =>
        DateTime.TryParseExact(local?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;

    private async Task CallAsync(Func<IJSObjectReference, ValueTask> call)
    {
        if (_module is null)
        {
            return;
        }
        try
        {
            await call(_module);
        }
        catch (JSDisconnectedException)
        {
            // The browser went away; its copy in localStorage is all that matters now.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }
        try
        {
            await _module.InvokeVoidAsync("detach", _body);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
    }
}

/// <summary>The fields besides the body, as the script keeps them in localStorage.</summary>
public sealed record LocalFields(
    string? Version, string Title, string Slug, string Summary, string Author, string LeadImage, string Categories, string Tags)
{
    public static LocalFields Of(StoryEditorState state) => new(state.Version?.ToString(), state.Title, state.Slug,
        state.Summary, state.Author, state.LeadImage, state.Categories, state.Tags);
}

/// <summary>The browser's copy of what was typed.</summary>
public sealed record LocalCopy(
    string? Version, string? Title, string? Slug, string? Summary, string? Author, string? LeadImage,
    string? Categories, string? Tags, string? Body, DateTime SavedAt)
{
    public StoryDraft Draft => new(Title ?? "", Slug ?? "", Summary ?? "", Author ?? "", Body ?? "", LeadImage ?? "",
        Categories ?? "", Tags ?? "");
}
