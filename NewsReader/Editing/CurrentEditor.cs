namespace NewsReader.Editing;

/// <summary>
/// Who is editing. PLACEHOLDER until the accounts work lands: then every operation checks the
/// Editor or Admin role through it and revisions record the signed-in user's name.
/// </summary>
public sealed class CurrentEditor
{
    /// <summary>The signed-in editor's name; throws when the caller may not edit stories.</summary>
    public Task<string> RequireAsync(CancellationToken cancellationToken) => Task.FromResult("editor");
}
