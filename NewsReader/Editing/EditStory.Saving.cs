using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using NewsReader.Stories;
using NewsReader.Editing;

namespace NewsReader.Editing;

/// <summary>The story editor's saves: the buttons, delete, a conflict's choices, and autosave.</summary>
public sealed partial class EditStory
{
    /// <summary>One write at a time: an autosave tick never runs under an explicit save.</summary>
    private readonly SemaphoreSlim _writing = new(1, 1);

    private bool _busy;
    private SaveResult.Conflict? _conflict;
    private bool _showTheirs;
    private PublishAction _lastAction = PublishAction.Keep;

    private async Task SaveAsync(PublishAction action)
    {
        await _writing.WaitAsync(_closing.Token);
        _busy = true;
        try
        {
            await _script.FlushAsync();
            _state.AttemptedSave = true;
            await CheckSlugAsync();
            _state.Validate();
            DateTime? publishAt = null;
            if (action == PublishAction.Schedule)
            {
                publishAt = StoryEditor.StoryEditorScript.ParseLocal(_publishAtLocal) is { } siteTime ? SiteTime.ToUtc(siteTime) : null;
                if (publishAt is null || publishAt <= Clock.GetUtcNow().UtcDateTime)
                {
                    _state.SetError(StoryField.PublishAt, "Choose a date and time in the future to schedule the story, or publish it now.");
                }
            }
            if (_state.HasErrors)
            {
                _state.FormMessage = "Nothing was saved: fix the marked fields first.";
                return;
            }

            _lastAction = action;
            var sent = _state.Current;
            var result = await Saver.SaveAsync(_state.Id, _state.Version, sent, action, publishAt, _closing.Token, _state.Notice);
            await ShowResultAsync(result, sent, action);
        }
        catch (Exception ex) when (Web.DatabaseBusyResponses.IsBusy(ex))
        {
            // Another writer held the database past the busy timeout: say so and keep what was typed.
            _state.FormMessage = Web.DatabaseBusyResponses.EditorMessage;
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
                var wasNew = _state.Id is null;
                _state.Stored(saved.Story);
                if (_state.Current.SameContentAs(sent))
                {
                    // Show the fields as saved: the slug normalised, the term lists tidied.
                    _state.ShowFields(saved.Story.Draft, includingBody: false);
                    _state.SlugFollowsTitle = false;
                }
                _state.Snapshot(saved.Story.Draft);
                _conflict = null;
                _serverOffer = null;
                _state.FormMessage = null;
                _state.ClearDirty();
                _state.SaveState = $"Saved at {_state.LocalTime(saved.Story.UpdatedAt, seconds: true)}";
                await AfterStoryExistsAsync(wasNew);
                await _script.ClearLocalAsync(_state.StorageKey);
                _revisions = await Revisions.GetRevisionsAsync(saved.Story.Id, _closing.Token);
                Snackbar.Add(action switch
                {
                    PublishAction.PublishNow => "Published: readers can see it now.",
                    PublishAction.Schedule => $"Scheduled for {_state.LocalTime(saved.Story.PublishedAt!.Value)}.",
                    PublishAction.Unpublish => "Unpublished: readers can no longer see it.",
                    PublishAction.SubmitForReview => "Submitted for review: an editor will publish it or send it back to you.",
                    _ => saved.Story.Status == StoryStatus.Draft ? "Draft saved." : "Changes saved.",
                }, Severity.Success);
                _state.Validate();
                break;
            case SaveResult.Invalid invalid:
                _state.ShowErrors(invalid.Errors);
                _state.FormMessage = "Nothing was saved: " + ValidationError.Join(invalid.Errors);
                break;
            case SaveResult.SlugTaken taken:
                _state.SetError(StoryField.Slug, taken.Message);
                _state.FormMessage = "Nothing was saved: " + taken.Message;
                break;
            case SaveResult.Conflict conflict:
                ShowConflict(conflict);
                break;
            case SaveResult.Refused refused:
                _state.FormMessage = "Nothing was saved: " + refused.Message;
                break;
            case SaveResult.NotFound:
                // Someone deleted it. The text is still here; saving again creates a new story.
                _state.Forget();
                _state.FormMessage = "Nothing was saved: this story was deleted by someone else. Your text is still here; Save draft keeps it as a new story.";
                break;
        }
    }

    private void ShowConflict(SaveResult.Conflict conflict)
    {
        _conflict = conflict;
        _state.FormMessage = null;
    }

    /// <summary>The editor has seen the other version and saves theirs over it on purpose.</summary>
    private async Task OverwriteAsync()
    {
        if (_conflict is not { } conflict)
        {
            return;
        }
        _state.Adopt(conflict.Stored);
        _conflict = null;
        _showTheirs = false;
        await SaveAsync(_lastAction == PublishAction.Schedule && _state.Status == StoryStatus.Published ? PublishAction.Keep : _lastAction);
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
        await _script.SetBodyAsync(conflict.Stored.Draft.Body);
        await _script.ClearLocalAsync(_state.StorageKey);
        _revisions = await Revisions.GetRevisionsAsync(conflict.Stored.Id, _closing.Token);
    }

    private async Task DeleteAsync()
    {
        if (_state.Id is not { } id || _state.Version is not { } version)
        {
            return;
        }
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete this story?",
            $"\"{_state.Title}\" and all its revisions will be deleted for good. Readers will no longer find it.",
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
                result = await Saver.DeleteAsync(id, version, _closing.Token);
            }
            catch (Exception ex) when (Web.DatabaseBusyResponses.IsBusy(ex))
            {
                _state.FormMessage = Web.DatabaseBusyResponses.EditorMessage;
                return;
            }
            if (result is SaveResult.Deleted or SaveResult.NotFound)
            {
                _state.Snapshot(_state.Current);
                _state.ClearDirty();
                _autosave.Cancel();
                await _script.ClearLocalAsync(_state.StorageKey);
                Snackbar.Add($"Deleted \"{_state.Title}\".", Severity.Success);
                Navigation.NavigateTo("/admin/articles");
            }
            else if (result is SaveResult.Conflict conflict)
            {
                ShowConflict(conflict);
            }
            else if (result is SaveResult.Refused refused)
            {
                _state.FormMessage = refused.Message;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task BeforeLeavingAsync(LocationChangingContext context)
    {
        if (_ready && _state.IsDirty)
        {
            await _script.FlushAsync();
            await AutosaveNowAsync();
        }
    }
}
