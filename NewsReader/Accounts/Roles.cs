namespace NewsReader.Accounts;

/// <summary>
/// The roles of the admin area. A Contributor writes their own drafts and submits them for review;
/// an Editor writes, reviews and publishes any story; an Admin can do everything an Editor can, and
/// manage accounts.
/// </summary>
public static class Roles
{
    public const string Contributor = "Contributor";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: the pages and actions of editors (and admins).</summary>
    public const string EditorOrAdmin = "Editor,Admin";

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: anyone who writes — the story list, the editor, picture upload.</summary>
    public const string Writers = "Contributor,Editor,Admin";

    public static readonly IReadOnlyList<string> All = [Contributor, Editor, Admin];

    /// <summary>"Contributor, Editor or Admin", for messages that name the roles.</summary>
    public static string Choices => $"{Contributor}, {Editor} or {Admin}";

    /// <summary>The role's canonical spelling, or null when it is not one of ours.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
