using MudBlazor;
using NewsReader.Editing;

namespace NewsReader.Editing;

/// <summary>Bringing earlier text back into the story editor: the browser's copy, the server's autosave copy, a revision.</summary>
public sealed partial class EditStory
{
    private async Task RestoreLocalCopyAsync()
    {
        if (_localOffer is not { } local)
        {
            return;
        }
        _localOffer = null;
        await RestoreAsync(local.Draft);
        if (_state.Id is not null && Guid.TryParse(local.Version, out var version))
        {
            // The text was typed against that version: if the story moved on since, saving shows the conflict.
            _state.Version = version;
        }
    }

    private async Task DiscardLocalCopyAsync()
    {
        _localOffer = null;
        await _script.ClearLocalAsync(_state.StorageKey);
    }

    private async Task RestoreServerCopyAsync()
    {
        if (_serverOffer is not { } copy)
        {
            return;
        }
        _serverOffer = null;
        await RestoreAsync(copy.Draft);
        _state.Version = copy.BaseVersion;
    }

    private async Task DiscardServerCopyAsync()
    {
        _serverOffer = null;
        if (_state.Id is { } id)
        {
            await Autosave.DiscardAutosaveAsync(id, _closing.Token);
        }
    }

    private async Task ViewRevisionAsync(long revisionId)
    {
        if (_state.Id is not { } id)
        {
            return;
        }
        _viewedRevision = await Revisions.GetRevisionAsync(id, revisionId, _closing.Token);
    }

    /// <summary>Loads a revision into the editor; saving it then keeps it as a new revision.</summary>
    private async Task RestoreRevisionAsync(long revisionId)
    {
        if (_state.Id is not { } id || await Revisions.GetRevisionAsync(id, revisionId, _closing.Token) is not { } revision)
        {
            return;
        }
        _viewedRevision = null;
        await RestoreAsync(revision.Draft);
        Snackbar.Add($"The revision from {_state.LocalTime(revision.CreatedAt)} is in the editor. Save to keep it.", Severity.Info);
    }

    private async Task RestoreAsync(StoryDraft draft)
    {
        _state.ShowFields(draft, includingBody: true);
        _state.SlugFollowsTitle = false;
        await _script.SetBodyAsync(draft.Body);
        await CheckSlugAsync();
        Changed();
        await StoreLocalAsync();
    }
}
