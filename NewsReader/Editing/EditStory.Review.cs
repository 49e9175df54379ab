using Microsoft.AspNetCore.Components;
using MudBlazor;
using NewsReader.Accounts;
using NewsReader.Review;
using NewsReader.Stories;

namespace NewsReader.Editing;

/// <summary>
/// The story editor and review: a contributor saves drafts and submits them, and reads a story
/// that is in review without changing it; an editor sends a story in review back with a note. The
/// services check all of it again; this only decides what the page offers.
/// </summary>
public sealed partial class EditStory
{
    [Inject] private ReviewDesk Desk { get; set; } = default!;

    /// <summary>Who has the page open, as the database said when it loaded.</summary>
    private CurrentEditor? _user;

    private bool IsEditor => _user is { IsEditor: true };

    /// <summary>A contributor's story in review: the editors' turn, so the contributor only reads it.</summary>
    private bool IsReadOnly => ContributorRules.ReadOnlyFor(_user, _state.Status);

    private async Task SendBackAsync()
    {
        if (_state.Id is not { } id || _state.Version is not { } version)
        {
            return;
        }
        var dialog = await Dialogs.ShowAsync<SendBackDialog>("Send back", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return;
        }
        await _writing.WaitAsync(_closing.Token);
        _busy = true;
        try
        {
            switch (await Desk.SendBackAsync(id, version, note, _closing.Token))
            {
                case SaveResult.Saved saved:
                    _state.Stored(saved.Story);
                    _state.FormMessage = null;
                    _revisions = await Revisions.GetRevisionsAsync(id, _closing.Token);
                    Snackbar.Add("Sent back: the contributor sees your note and can edit the story again.", Severity.Success);
                    break;
                case SaveResult.Conflict conflict:
                    ShowConflict(conflict);
                    break;
                case SaveResult.Refused refused:
                    _state.FormMessage = refused.Message;
                    break;
                case SaveResult.Invalid invalid:
                    _state.FormMessage = ValidationError.Join(invalid.Errors);
                    break;
                case SaveResult.NotFound:
                    _state.FormMessage = "This story was deleted by someone else.";
                    break;
            }
        }
        finally
        {
            _busy = false;
            _writing.Release();
        }
    }
}
