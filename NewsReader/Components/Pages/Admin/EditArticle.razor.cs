using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using NewsReader.Accounts;
using NewsReader.Articles;
using NewsReader.Editing;

namespace NewsReader.Components.Pages.Admin;

/// <summary>
/// The story editor. Fields are bound to the circuit as they are typed, except the body, which the
/// browser half (wwwroot/js/story-editor.js) sends after a pause and keeps in localStorage. Saves go
/// through <see cref="ArticleEditor"/> with the version this page loaded, so a conflict is reported,
/// never overwritten.
/// </summary>
public sealed partial class EditArticle : IAsyncDisposable
{
    /// <summary>However long someone keeps typing, their work is autosaved at least this often.</summary>
    private static readonly TimeSpan AutosaveAtLeastEvery = TimeSpan.FromSeconds(15);

    [Inject] private ArticleEditor Editor { get; set; } = default!;
    [Inject] private EditorAccess Access { get; set; } = default!;
    [Inject] private MarkdownRenderer Markdown { get; set; } = default!;
    [Inject] private IOptions<NewsReaderOptions> Options { get; set; } = default!;
    [Inject] private EditorOptions Timings { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter]
    public int? Id { get; set; }

    // The story as stored: null id until it exists.
    private int? _id;
    private Guid? _version;
    private StoryStatus _status = StoryStatus.Draft;
    private DateTime? _publishedAt;
    private bool _loaded;
    private bool _notFound;

    // The working copy.
    private string _title = "";
    private string _slug = "";
    private string _summary = "";
    private string _author = "";
    private string _categories = "";
    private string _tags = "";
    private string _leadImage = "";
    private string _body = "";
    private string _bodyShown = "";
    private long? _bodyTooLongBytes;
    private bool _slugFollowsTitle = true;
    private string? _slugOwner;

    /// <summary>What is saved (in the story, or in the autosave slot); the working copy is dirty when it differs.</summary>
    private StoryDraft _saved = new();
    private DateTime? _dirtySince;
    private bool _attemptedSave;
    private Dictionary<StoryField, string> _errors = [];
    private string? _formMessage;
    private string _saveState = "";
    private bool _busy;

    private string _previewHtml = "";
    private TextMeasure _bodyMeasure;
    private ReadTime _readTime = new(1);
    private int _words;

    private string _publishAtLocal = "";
    private string _timeZone = "";
    private int _offsetMinutes;

    private SaveResult.Conflict? _conflict;
    private string _theirsHtml = "";
    private bool _showTheirs;
    private PublishAction _lastAction = PublishAction.Keep;

    private IReadOnlyList<RevisionSummary> _revisions = [];
    private Revision? _viewedRevision;
    private string _viewedRevisionHtml = "";

    private LocalCopy? _localOffer;
    private AutosaveCopy? _serverOffer;

    private ElementReference _bodyBox;
    private IJSObjectReference? _module;
    private DotNetObjectReference<EditArticle>? _self;
    private bool _ready;

    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private CancellationTokenSource? _autosaveTimer;

    private StoryDraft Current => new(_title, _slug, _summary, _author, _body, _leadImage, _categories, _tags);

    private bool IsDirty => !Current.SameContentAs(_saved) || _bodyTooLongBytes is not null;

    private string StorageKey => _id?.ToString(CultureInfo.InvariantCulture) ?? "new";

    private string EffectiveSlug => NewsReader.Articles.Slug.From(string.IsNullOrWhiteSpace(_slug) ? _title : _slug);

    private string SlugHelp => _slugFollowsTitle
        ? $"Follows the title until you edit it. Address: /articles/{EffectiveSlug}"
        : $"Address: /articles/{EffectiveSlug}";

    private string PublicationText => _status switch
    {
        StoryStatus.Published => $"Published {LocalTime(_publishedAt!.Value)}. Saving changes updates what readers see at once.",
        StoryStatus.Scheduled => $"Scheduled: readers will see it from {LocalTime(_publishedAt!.Value)}.",
        _ => "Draft: readers cannot see this story.",
    };

    protected override async Task OnParametersSetAsync()
    {
        // After a new story is first saved its id comes back here through the URL; it is already shown.
        if (_loaded && Id == _id)
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
        if (Id is not { } id)
        {
            // A new story is by its writer unless they say otherwise.
            var writer = await Access.GetCurrentAsync(_closing.Token);
            _author = writer?.DisplayName ?? "";
            _saved = Current;
            UpdatePreview();
            Changed();
            return;
        }

        var story = await Editor.GetAsync(id, _closing.Token);
        if (story is null)
        {
            _notFound = true;
            return;
        }
        Show(story);
        _revisions = await Editor.GetRevisionsAsync(id, _closing.Token);
        var copy = await Editor.GetAutosaveAsync(id, _closing.Token);
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
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/story-editor.js");
            if (_module is not null)
            {
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("attach", _bodyBox, _self, StorageKey, FieldsForStorage());
                _offsetMinutes = await _module.InvokeAsync<int>("offsetMinutes");
                _timeZone = await _module.InvokeAsync<string?>("timeZoneName") ?? "";
                var local = await _module.InvokeAsync<LocalCopy?>("readLocal", StorageKey);
                if (local is not null && !local.Draft.SameContentAs(Current))
                {
                    _localOffer = local;
                }
                else if (local is not null)
                {
                    // Nothing in it that is not saved: a later offer of it would be stale.
                    await _module.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey);
                }
            }
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        if (_publishAtLocal.Length == 0)
        {
            var inAnHour = Clock.GetUtcNow().UtcDateTime.AddMinutes(_offsetMinutes + 60);
            _publishAtLocal = new DateTime(inAnHour.Year, inAnHour.Month, inAnHour.Day, inAnHour.Hour, 0, 0).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        }
        _ready = true;
        StateHasChanged();
    }

    // ----- Typing -----

    private async Task TitleChangedAsync(string value)
    {
        _title = value ?? "";
        if (_slugFollowsTitle)
        {
            _slug = NewsReader.Articles.Slug.From(_title);
        }
        await CheckSlugAsync();
        Changed(remeasure: true);
        await StoreLocalAsync();
    }

    private async Task SlugChangedAsync(string value)
    {
        _slug = value ?? "";
        // An emptied slug follows the title again; anything typed by hand stays.
        _slugFollowsTitle = string.IsNullOrWhiteSpace(_slug);
        await CheckSlugAsync();
        Changed();
        await StoreLocalAsync();
    }

    private void NormaliseSlug()
    {
        if (!string.IsNullOrWhiteSpace(_slug))
        {
            _slug = NewsReader.Articles.Slug.From(_slug);
        }
    }

    private async Task FieldChangedAsync(Action set)
    {
        set();
        Changed();
        await StoreLocalAsync();
    }

    /// <summary>Called by the browser half after a pause in typing, and when a button flushes it.</summary>
    [JSInvokable]
    public Task BodyChanged(string body) => InvokeAsync(() =>
    {
        _body = body;
        _bodyTooLongBytes = null;
        Changed(bodyChanged: true);
        StateHasChanged();
    });

    /// <summary>Called instead of <see cref="BodyChanged"/> when the body is over the limit: the text itself is not sent.</summary>
    [JSInvokable]
    public Task BodyTooLong(long bytes) => InvokeAsync(() =>
    {
        _bodyTooLongBytes = bytes;
        Changed();
        StateHasChanged();
    });

    private void Changed(bool remeasure = false, bool bodyChanged = false)
    {
        if (remeasure || bodyChanged)
        {
            UpdatePreview(bodyChanged);
        }
        Validate();
        if (IsDirty)
        {
            _dirtySince ??= Clock.GetUtcNow().UtcDateTime;
            ScheduleAutosave();
        }
        else
        {
            _dirtySince = null;
        }
    }

    /// <summary>
    /// Renders the body (only when it changed: a 200 KB body takes a good part of a second) and
    /// sums the read time. The measure adds up (title words plus body words), so a
    /// keystroke in the title measures only the title.
    /// </summary>
    private void UpdatePreview(bool bodyChanged = true)
    {
        if (bodyChanged)
        {
            _previewHtml = Markdown.ToSafeHtml(_body);
            _bodyMeasure = Markdown.Measure("", _body);
        }
        var title = Markdown.Measure(_title, "");
        var measure = new TextMeasure(title.Words + _bodyMeasure.Words, title.CjkCharacters + _bodyMeasure.CjkCharacters,
            title.Images + _bodyMeasure.Images);
        _words = measure.Words;
        _readTime = ReadTime.From(measure, Options.Value.WordsPerMinute);
    }

    private void Validate()
    {
        var draft = Current;
        var errors = draft.ToInput(null).Validate().ToList();
        if (_bodyTooLongBytes is { } bytes)
        {
            errors.Add(new(StoryField.Body, $"Body must be at most 1 MB (it is {bytes / 1024.0 / 1024.0:0.0} MB)."));
        }
        var byField = ByField(errors);
        // "Title is required" waits for a save: an empty new form is not an error yet.
        if (!_attemptedSave && string.IsNullOrWhiteSpace(_title))
        {
            byField.Remove(StoryField.Title);
            byField.Remove(StoryField.Slug);
        }
        if (_slugOwner is { } owner)
        {
            byField[StoryField.Slug] = $"The slug \"{EffectiveSlug}\" is already used by the story \"{owner}\". Choose another slug.";
        }
        _errors = byField;
        if (_errors.Count == 0)
        {
            _formMessage = null;
        }
    }

    private async Task CheckSlugAsync()
    {
        var slug = EffectiveSlug;
        _slugOwner = slug.Length == 0 ? null : await Editor.FindSlugOwnerAsync(slug, _id, _closing.Token);
    }

    /// <summary>Each field's messages; two about one field are shown together.</summary>
    private static Dictionary<StoryField, string> ByField(IEnumerable<ValidationError> errors)
    {
        var fields = new Dictionary<StoryField, string>();
        foreach (var error in errors)
        {
            fields[error.Field] = fields.TryGetValue(error.Field, out var earlier) ? $"{earlier} {error.Message}" : error.Message;
        }
        return fields;
    }

        private bool HasError(StoryField field) => _errors.ContainsKey(field);

    private string? ErrorOf(StoryField field) => _errors.GetValueOrDefault(field);

    // ----- Explicit saves -----

    private async Task SaveAsync(PublishAction action)
    {
        await _writing.WaitAsync(_closing.Token);
        _busy = true;
        try
        {
            await FlushBodyAsync();
            _attemptedSave = true;
            await CheckSlugAsync();
            Validate();
            DateTime? publishAt = null;
            if (action == PublishAction.Schedule)
            {
                publishAt = await ToUtcAsync(_publishAtLocal);
                if (publishAt is null || publishAt <= Clock.GetUtcNow().UtcDateTime)
                {
                    _errors[StoryField.PublishAt] = "Choose a date and time in the future to schedule the story, or publish it now.";
                }
            }
            if (_errors.Count > 0)
            {
                _formMessage = "Nothing was saved: fix the marked fields first.";
                return;
            }

            _lastAction = action;
            var sent = Current;
            var result = await Editor.SaveAsync(_id, _version, sent, action, publishAt, _closing.Token);
            await ShowResultAsync(result, sent, action);
        }
        catch (Exception ex) when (Web.DatabaseBusyResponses.IsBusy(ex))
        {
            // Another writer held the database past the busy timeout: say so and keep what was typed.
            _formMessage = Web.DatabaseBusyResponses.EditorMessage;
        }
        finally
        {
            _busy = false;
            _writing.Release();
        }
    }

    private async Task ShowResultAsync(SaveResult result, StoryDraft sent, PublishAction action)
    {
        switch (result)
        {
            case SaveResult.Saved saved:
                var wasNew = _id is null;
                Stored(saved.Story);
                if (Current.SameContentAs(sent))
                {
                    // Show the fields as saved: the slug normalised, the term lists tidied.
                    ShowFields(saved.Story.Draft, includingBody: false);
                    _slugFollowsTitle = false;
                }
                _saved = saved.Story.Draft;
                _conflict = null;
                _serverOffer = null;
                _formMessage = null;
                _dirtySince = null;
                _saveState = $"Saved at {LocalTime(saved.Story.UpdatedAt, seconds: true)}";
                await AfterStoryExistsAsync(wasNew);
                await CallJsAsync(m => m.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey));
                _revisions = await Editor.GetRevisionsAsync(saved.Story.Id, _closing.Token);
                Snackbar.Add(action switch
                {
                    PublishAction.PublishNow => "Published: readers can see it now.",
                    PublishAction.Schedule => $"Scheduled for {LocalTime(saved.Story.PublishedAt!.Value)}.",
                    PublishAction.Unpublish => "Unpublished: readers can no longer see it.",
                    _ => saved.Story.Status == StoryStatus.Draft ? "Draft saved." : "Changes saved.",
                }, Severity.Success);
                Validate();
                break;
            case SaveResult.Invalid invalid:
                _errors = ByField(invalid.Errors);
                _formMessage = "Nothing was saved: " + ValidationError.Join(invalid.Errors);
                break;
            case SaveResult.SlugTaken taken:
                _errors[StoryField.Slug] = taken.Message;
                _formMessage = "Nothing was saved: " + taken.Message;
                break;
            case SaveResult.Conflict conflict:
                ShowConflict(conflict);
                break;
            case SaveResult.NotFound:
                // Someone deleted it. The text is still here; saving again creates a new story.
                _id = null;
                _version = null;
                _status = StoryStatus.Draft;
                _publishedAt = null;
                _formMessage = "Nothing was saved: this story was deleted by someone else. Your text is still here; Save draft keeps it as a new story.";
                break;
        }
    }

    private void ShowConflict(SaveResult.Conflict conflict)
    {
        _conflict = conflict;
        _theirsHtml = Markdown.ToSafeHtml(conflict.Stored.Draft.Body);
        _formMessage = null;
    }

    /// <summary>The editor has seen the other version and saves theirs over it on purpose.</summary>
    private async Task OverwriteAsync()
    {
        if (_conflict is not { } conflict)
        {
            return;
        }
        _version = conflict.Stored.Version;
        _status = conflict.Stored.Status;
        _publishedAt = conflict.Stored.PublishedAt;
        _conflict = null;
        _showTheirs = false;
        await SaveAsync(_lastAction == PublishAction.Schedule && _status == StoryStatus.Published ? PublishAction.Keep : _lastAction);
    }

    private async Task LoadTheirsAsync()
    {
        if (_conflict is not { } conflict)
        {
            return;
        }
        _conflict = null;
        _showTheirs = false;
        Show(conflict.Stored);
        await SetBodyInBrowserAsync(conflict.Stored.Draft.Body);
        await CallJsAsync(m => m.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey));
        _revisions = await Editor.GetRevisionsAsync(conflict.Stored.Id, _closing.Token);
    }

    private async Task DeleteAsync()
    {
        if (_id is not { } id || _version is not { } version)
        {
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete this story?",
            $"\"{_title}\" and all its revisions will be deleted for good. Readers will no longer find it.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        await _writing.WaitAsync(_closing.Token);
        try
        {
            SaveResult result;
            try
            {
                result = await Editor.DeleteAsync(id, version, _closing.Token);
            }
            catch (Exception ex) when (Web.DatabaseBusyResponses.IsBusy(ex))
            {
                _formMessage = Web.DatabaseBusyResponses.EditorMessage;
                return;
            }
            if (result is SaveResult.Deleted or SaveResult.NotFound)
            {
                _saved = Current;
                _dirtySince = null;
                _autosaveTimer?.Cancel();
                await CallJsAsync(m => m.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey));
                Snackbar.Add($"Deleted \"{_title}\".", Severity.Success);
                Navigation.NavigateTo("/admin/articles");
            }
            else if (result is SaveResult.Conflict conflict)
            {
                ShowConflict(conflict);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    // ----- Autosave -----

    private void ScheduleAutosave()
    {
        if (!_ready)
        {
            return;
        }
        var now = Clock.GetUtcNow().UtcDateTime;
        var latest = (_dirtySince ?? now) + AutosaveAtLeastEvery - now;
        var delay = latest < Timings.AutosaveDelay ? (latest > TimeSpan.Zero ? latest : TimeSpan.Zero) : Timings.AutosaveDelay;
        _autosaveTimer?.Cancel();
        _autosaveTimer?.Dispose();
        var timer = _autosaveTimer = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        _ = AutosaveLaterAsync(delay, timer.Token);
    }

    private async Task AutosaveLaterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, Clock, cancellationToken);
            await InvokeAsync(AutosaveNowAsync);
        }
        catch (OperationCanceledException)
        {
            // More typing came, or the page closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit is gone; the browser's copy has the text.
        }
    }

    private async Task AutosaveNowAsync()
    {
        if (!IsDirty || _conflict is not null)
        {
            return;
        }
        if (!await _writing.WaitAsync(0))
        {
            // An explicit save is running; it saves this too, or fails and leaves it dirty for the next tick.
            return;
        }
        try
        {
            if (_bodyTooLongBytes is not null)
            {
                _saveState = "Not autosaved: the body is over 1 MB.";
                return;
            }
            var sent = Current;
            var result = await Editor.AutosaveAsync(_id, _version, sent, _closing.Token);
            switch (result)
            {
                case AutosaveResult.DraftSaved saved:
                    var wasNew = _id is null;
                    Stored(saved.Story);
                    _saved = sent;
                    _saveState = $"Draft autosaved at {LocalTime(saved.Story.UpdatedAt, seconds: true)}";
                    await AfterStoryExistsAsync(wasNew);
                    break;
                case AutosaveResult.CopyKept { Conflict: { } conflict } kept:
                    _saved = sent;
                    _saveState = $"Your changes were autosaved aside at {LocalTime(kept.SavedAt, seconds: true)}.";
                    ShowConflict(conflict);
                    break;
                case AutosaveResult.CopyKept kept:
                    _saved = sent;
                    _saveState = $"Changes autosaved at {LocalTime(kept.SavedAt, seconds: true)}; readers see them after Save changes.";
                    break;
                case AutosaveResult.Skipped skipped:
                    _saveState = $"Not saved yet: {skipped.Reason}";
                    break;
                case AutosaveResult.NotFound:
                    _saveState = "This story was deleted by someone else; Save draft keeps your text as a new story.";
                    _id = null;
                    _version = null;
                    break;
            }
            if (result is AutosaveResult.DraftSaved or AutosaveResult.CopyKept && Current.SameContentAs(sent))
            {
                // The server has all of it now.
                _dirtySince = null;
                await CallJsAsync(m => m.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey));
            }
            else
            {
                await StoreLocalAsync();
            }
            StateHasChanged();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (Web.DatabaseBusyResponses.IsBusy(ex))
        {
            // Left dirty: the next tick tries again.
            _saveState = "Not autosaved: the database is busy. Trying again shortly.";
            StateHasChanged();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task BeforeLeavingAsync(LocationChangingContext context)
    {
        if (_ready && IsDirty)
        {
            await FlushBodyAsync();
            await AutosaveNowAsync();
        }
    }

    // ----- Restoring -----

    private async Task RestoreLocalCopyAsync()
    {
        if (_localOffer is not { } local)
        {
            return;
        }
        _localOffer = null;
        await RestoreAsync(local.Draft);
        if (_id is not null && Guid.TryParse(local.Version, out var version))
        {
            // The text was typed against that version: if the story moved on since, saving shows the conflict.
            _version = version;
        }
    }

    private async Task DiscardLocalCopyAsync()
    {
        _localOffer = null;
        await CallJsAsync(m => m.InvokeVoidAsync("clearLocal", _bodyBox, StorageKey));
    }

    private async Task RestoreServerCopyAsync()
    {
        if (_serverOffer is not { } copy)
        {
            return;
        }
        _serverOffer = null;
        await RestoreAsync(copy.Draft);
        _version = copy.BaseVersion;
    }

    private async Task DiscardServerCopyAsync()
    {
        _serverOffer = null;
        if (_id is { } id)
        {
            await Editor.DiscardAutosaveAsync(id, _closing.Token);
        }
    }

    private async Task ViewRevisionAsync(long revisionId)
    {
        if (_id is not { } id)
        {
            return;
        }
        _viewedRevision = await Editor.GetRevisionAsync(id, revisionId, _closing.Token);
        _viewedRevisionHtml = _viewedRevision is null ? "" : Markdown.ToSafeHtml(_viewedRevision.Draft.Body);
    }

    /// <summary>Loads a revision into the editor; saving it then keeps it as a new revision.</summary>
    private async Task RestoreRevisionAsync(long revisionId)
    {
        if (_id is not { } id || await Editor.GetRevisionAsync(id, revisionId, _closing.Token) is not { } revision)
        {
            return;
        }
        _viewedRevision = null;
        await RestoreAsync(revision.Draft);
        Snackbar.Add($"The revision from {LocalTime(revision.CreatedAt)} is in the editor. Save to keep it.", Severity.Info);
    }

    private async Task RestoreAsync(StoryDraft draft)
    {
        ShowFields(draft, includingBody: true);
        _slugFollowsTitle = false;
        await SetBodyInBrowserAsync(draft.Body);
        await CheckSlugAsync();
        Changed(bodyChanged: true);
        await StoreLocalAsync();
    }

    // ----- State -----

    private void ResetState()
    {
        _id = null;
        _version = null;
        _status = StoryStatus.Draft;
        _publishedAt = null;
        _notFound = false;
        ShowFields(new StoryDraft(), includingBody: true);
        _saved = new StoryDraft();
        _slugFollowsTitle = true;
        _slugOwner = null;
        _conflict = null;
        _revisions = [];
        _viewedRevision = null;
        _serverOffer = null;
        _localOffer = null;
        _attemptedSave = false;
        _errors = [];
        _formMessage = null;
        _saveState = "";
        _dirtySince = null;
    }

    private void Show(StoryEdit story)
    {
        Stored(story);
        ShowFields(story.Draft, includingBody: true);
        _saved = story.Draft;
        _dirtySince = null;
        // A draft whose slug is still the title's keeps following it; a published story's address is left alone.
        _slugFollowsTitle = story.Status == StoryStatus.Draft && story.Draft.Slug == NewsReader.Articles.Slug.From(story.Draft.Title);
        _slugOwner = null;
        _bodyTooLongBytes = null;
        UpdatePreview();
        Validate();
    }

    private void Stored(StoryEdit story)
    {
        _id = story.Id;
        _version = story.Version;
        _status = story.Status;
        _publishedAt = story.PublishedAt;
    }

    private void ShowFields(StoryDraft draft, bool includingBody)
    {
        _title = draft.Title;
        _slug = draft.Slug;
        _summary = draft.Summary;
        _author = draft.Author;
        _categories = draft.Categories;
        _tags = draft.Tags;
        _leadImage = draft.LeadImage;
        if (includingBody)
        {
            _body = draft.Body;
            _bodyShown = draft.Body;
            _bodyTooLongBytes = null;
        }
    }

    /// <summary>A new story got its id: the address and the browser's copy follow it, without a reload.</summary>
    private async Task AfterStoryExistsAsync(bool wasNew)
    {
        if (!wasNew || _id is not { } id)
        {
            return;
        }
        await CallJsAsync(m => m.InvokeVoidAsync("replaceUrl", $"/admin/articles/{id}"));
        await CallJsAsync(m => m.InvokeVoidAsync("rekey", _bodyBox, StorageKey));
    }

    private async Task FlushBodyAsync() => await CallJsAsync(m => m.InvokeVoidAsync("flush", _bodyBox));

    private async Task SetBodyInBrowserAsync(string body)
    {
        _bodyShown = body;
        await CallJsAsync(m => m.InvokeVoidAsync("setBody", _bodyBox, body));
    }

    private Task StoreLocalAsync() =>
        CallJsAsync(m => m.InvokeVoidAsync("storeFields", _bodyBox, FieldsForStorage(), IsDirty));

    private object FieldsForStorage() => new
    {
        version = _version?.ToString(),
        title = _title,
        slug = _slug,
        summary = _summary,
        author = _author,
        leadImage = _leadImage,
        categories = _categories,
        tags = _tags,
    };

    private async Task<DateTime?> ToUtcAsync(string local)
    {
        if (string.IsNullOrWhiteSpace(local))
        {
            return null;
        }
        if (_module is not null)
        {
            try
            {
                var iso = await _module.InvokeAsync<string?>("localToUtc", local);
                return iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
                    ? instant.UtcDateTime
                    : null;
            }
            catch (JSException)
            {
                return null;
            }
        }
        return DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateTime.SpecifyKind(parsed.AddMinutes(-_offsetMinutes), DateTimeKind.Utc)
            : null;
    }

    private async Task CallJsAsync(Func<IJSObjectReference, ValueTask> call)
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

    private string LocalTime(DateTime utc, bool seconds = false) =>
        utc.AddMinutes(_offsetMinutes).ToString(seconds ? "d MMM yyyy, HH:mm:ss" : "d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _autosaveTimer?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _bodyBox);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
        _self?.Dispose();
        _closing.Dispose();
    }

    /// <summary>The browser's copy of what was typed (js/story-editor.js).</summary>
    private sealed record LocalCopy(
        string? Version, string? Title, string? Slug, string? Summary, string? Author, string? LeadImage,
        string? Categories, string? Tags, string? Body, DateTime SavedAt)
    {
        public StoryDraft Draft => new(Title ?? "", Slug ?? "", Summary ?? "", Author ?? "", Body ?? "", LeadImage ?? "",
            Categories ?? "", Tags ?? "");
    }
}
