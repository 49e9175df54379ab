using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using NewsReader.Accounts;
using NewsReader.Editing.StoryEditor;
using NewsReader.Media;
using NewsReader.Editing;

namespace NewsReader.Editing;

/// <summary>
/// The story editor. Fields are bound to the circuit as they are typed, except the body, which the
/// browser half (<see cref="StoryEditorScript"/>) sends after a pause and keeps in localStorage.
/// Saves go through <see cref="StorySaver"/> with the version this page loaded, so a conflict is
/// reported, never overwritten. What is typed and whether it is saved lives in <see cref="StoryEditorState"/>.
/// </summary>
public sealed partial class EditStory : IAsyncDisposable
{
    [Inject] private StorySaver Saver { get; set; } = default!;
    [Inject] private StoryAutosave Autosave { get; set; } = default!;
    [Inject] private StoryRevisions Revisions { get; set; } = default!;
    [Inject] private EditorAccess Access { get; set; } = default!;
    [Inject] private Authors.AuthorAdmin AuthorAdmin { get; set; } = default!;
    [Inject] private EditorOptions Timings { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private Localization.SiteTime SiteTime { get; set; } = default!;

    [Parameter]
    public int? Id { get; set; }

    private readonly StoryEditorState _state = new();
    private bool _loaded;
    private bool _notFound;

    private string _publishAtLocal = "";

    private IReadOnlyList<RevisionSummary> _revisions = [];
    private Revision? _viewedRevision;
    private LocalCopy? _localOffer;
    private AutosaveCopy? _serverOffer;

    private ElementReference _bodyBox;
    private StoryEditorScript _script = default!;
    private AutosaveScheduler _autosave = default!;
    private DotNetObjectReference<EditStory>? _self;
    private bool _ready;

    private readonly CancellationTokenSource _closing = new();

    protected override void OnInitialized()
    {
        _script = new StoryEditorScript(JS);
        _autosave = new AutosaveScheduler(Clock, AutosaveTickAsync);
    }

    protected override async Task OnParametersSetAsync()
    {
        _state.Time = SiteTime;
        // After a new story is first saved its id comes back here through the URL; it is already shown.
        if (_loaded && Id == _state.Id)
        {
            return;
        }
        if (_loaded && _ready)
        {
            // Another story in the same page instance (back and forward between editors): start
            // afresh, so the browser half and its local copy belong to that story from the start.
            Navigation.NavigateTo(Navigation.Uri, forceLoad: true);
            return;
        }
        _loaded = true;
        ResetState();
        _user = await Access.GetCurrentAsync(_closing.Token);
        if (Id is not { } id)
        {
            // A new story is by its writer unless they say otherwise: the author linked to their account, else their name.
            _state.Author = _user is null ? "" : await AuthorAdmin.NameForAccountAsync(_user.UserId, _closing.Token) ?? _user.DisplayName ?? "";
            _state.Snapshot(_state.Current);
            Changed();
            return;
        }

        var story = await Saver.GetAsync(id, _closing.Token);
        if (story is null)
        {
            _notFound = true;
            return;
        }
        Show(story);
        _revisions = await Revisions.GetRevisionsAsync(id, _closing.Token);
        var copy = await Autosave.GetAutosaveAsync(id, _closing.Token);
        _serverOffer = copy is not null && !copy.Draft.SameContentAs(story.Draft) ? copy : null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _notFound)
        {
            return;
        }
        try
        {
            _self = DotNetObjectReference.Create(this);
            await _script.AttachAsync(_bodyBox, _self, _state.StorageKey, LocalFields.Of(_state));
            if (_script.Loaded)
            {
                var local = await _script.ReadLocalAsync(_state.StorageKey);
                if (local is not null && !local.Draft.SameContentAs(_state.Current))
                {
                    _localOffer = local;
                }
                else if (local is not null)
                {
                    // Nothing in it that is not saved: a later offer of it would be stale.
                    await _script.ClearLocalAsync(_state.StorageKey);
                }
            }
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        if (_publishAtLocal.Length == 0)
        {
            var inAnHour = SiteTime.ToSite(Clock.GetUtcNow().UtcDateTime.AddMinutes(60));
            _publishAtLocal = new DateTime(inAnHour.Year, inAnHour.Month, inAnHour.Day, inAnHour.Hour, 0, 0).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }
        _ready = true;
        StateHasChanged();
    }

    // ----- Typing -----

    private async Task TitleChangedAsync(string value)
    {
        _state.SetTitle(value);
        await CheckSlugAsync();
        Changed();
        await StoreLocalAsync();
    }

    private async Task SlugChangedAsync(string value)
    {
        _state.SetSlug(value);
        await CheckSlugAsync();
        Changed();
        await StoreLocalAsync();
    }

    private void NormaliseSlug() => _state.NormaliseSlug();

    private async Task FieldChangedAsync(Action set)
    {
        set();
        Changed();
        await StoreLocalAsync();
    }

    /// <summary>A described picture goes where the cursor is, as Markdown that names it by its library URL.</summary>
    private Task InsertPictureAsync((MediaPicture Picture, string AltText) chosen) =>
        _script.InsertAtCursorAsync($"![{MarkdownAltText(chosen.AltText)}]({chosen.Picture.Url})");

    private Task UseLeadPictureAsync((MediaPicture Picture, string AltText) chosen) =>
        FieldChangedAsync(() => _state.LeadImage = chosen.Picture.Url);

    // Brackets and backslashes would end or escape the alt text early; line breaks would end the image.
    private static string MarkdownAltText(string alt) =>
        alt.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal).ReplaceLineEndings(" ");

    /// <summary>Called by the browser half after a pause in typing, and when a button flushes it.</summary>
    [JSInvokable]
    public Task BodyChanged(string body) => InvokeAsync(() =>
    {
        _state.SetBody(body);
        Changed();
        StateHasChanged();
    });

    /// <summary>Called instead of <see cref="BodyChanged"/> when the body is over the limit: the text itself is not sent.</summary>
    [JSInvokable]
    public Task BodyTooLong(long bytes) => InvokeAsync(() =>
    {
        _state.BodyIsTooLong(bytes);
        Changed();
        StateHasChanged();
    });

    private void Changed()
    {
        _state.Validate();
        if (_state.TrackDirty(Clock.GetUtcNow().UtcDateTime) && _ready)
        {
            _autosave.Schedule(Timings.AutosaveDelay, _state.DirtySince!.Value);
        }
    }

    private async Task CheckSlugAsync()
    {
        var slug = _state.EffectiveSlug;
        _state.SlugOwner = slug.Length == 0 ? null : await Saver.FindSlugOwnerAsync(slug, _state.Id, _closing.Token);
    }

    // ----- State -----

    private void ResetState()
    {
        _state.Reset();
        _notFound = false;
        _conflict = null;
        _revisions = [];
        _viewedRevision = null;
        _serverOffer = null;
        _localOffer = null;
    }

    private void Show(StoryEdit story)
    {
        _state.Show(story);
        _state.Validate();
    }

    /// <summary>A new story got its id: the address and the browser's copy follow it, without a reload.</summary>
    private async Task AfterStoryExistsAsync(bool wasNew)
    {
        if (!wasNew || _state.Id is not { } id)
        {
            return;
        }
        await _script.ReplaceUrlAsync($"/admin/articles/{id}");
        await _script.RekeyAsync(_state.StorageKey);
    }

    private Task StoreLocalAsync() => _script.StoreFieldsAsync(LocalFields.Of(_state), _state.IsDirty);

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _autosave.Dispose();
        await _script.DisposeAsync();
        _self?.Dispose();
        _closing.Dispose();
    }
}
