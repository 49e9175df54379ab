using NewsReader.Editing;

namespace NewsReader.Editing;

/// <summary>The story editor's autosave: when <see cref="AutosaveScheduler"/> says so, the working copy goes to the server.</summary>
public sealed partial class EditStory
{
    /// <summary>The scheduler's timer fired: save on the circuit's thread, unless the page is gone.</summary>
    private async Task AutosaveTickAsync()
    {
        try
        {
            await InvokeAsync(AutosaveNowAsync);
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit is gone; the browser's copy has the text.
        }
    }

    private async Task AutosaveNowAsync()
    {
        if (!_state.IsDirty || _conflict is not null || IsReadOnly)
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
            if (_state.BodyTooLongBytes is not null)
            {
                _state.SaveState = "Not autosaved: the body is over 1 MB.";
                return;
            }
            var sent = _state.Current;
            var result = await Autosave.AutosaveAsync(_state.Id, _state.Version, sent, _closing.Token);
            await ShowAutosaveResultAsync(result, sent);
            if (result is AutosaveResult.DraftSaved or AutosaveResult.CopyKept && _state.Current.SameContentAs(sent))
            {
                // The server has all of it now.
                _state.ClearDirty();
                await _script.ClearLocalAsync(_state.StorageKey);
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
            _state.SaveState = "Not autosaved: the database is busy. Trying again shortly.";
            StateHasChanged();
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task ShowAutosaveResultAsync(AutosaveResult result, StoryDraft sent)
    {
        switch (result)
        {
            case AutosaveResult.DraftSaved saved:
                var wasNew = _state.Id is null;
                _state.Stored(saved.Story);
                _state.Snapshot(sent);
                _state.SaveState = $"Draft autosaved at {_state.LocalTime(saved.Story.UpdatedAt, seconds: true)}";
                await AfterStoryExistsAsync(wasNew);
                break;
            case AutosaveResult.CopyKept { Conflict: { } conflict } kept:
                _state.Snapshot(sent);
                _state.SaveState = $"Your changes were autosaved aside at {_state.LocalTime(kept.SavedAt, seconds: true)}.";
                ShowConflict(conflict);
                break;
            case AutosaveResult.CopyKept kept:
                _state.Snapshot(sent);
                _state.SaveState = $"Changes autosaved at {_state.LocalTime(kept.SavedAt, seconds: true)}; readers see them after Save changes.";
                break;
            case AutosaveResult.Skipped skipped:
                _state.SaveState = $"Not saved yet: {skipped.Reason}";
                break;
            case AutosaveResult.Refused refused:
                _state.SaveState = $"Not saved: {refused.Message}";
                break;
            case AutosaveResult.NotFound:
                _state.SaveState = "This story was deleted by someone else; Save draft keeps your text as a new story.";
                _state.ForgetId();
                break;
        }
    }
}
