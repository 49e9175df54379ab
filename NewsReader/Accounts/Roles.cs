namespace NewsReader.Accounts;

/// <summary>The two roles of the admin area. An Admin can do everything an Editor can, and manage accounts.</summary>
public static class Roles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    /// <summary>For <c>[Authorize(Roles = ...)]</c>: either role may use the admin area.</summary>
    public const string EditorOrAdmin = "Editor,Admin";

    public static readonly IReadOnlyList<string> All = [Editor, Admin];

    /// <summary>The role's canonical spelling, or null when it is not one of ours.</summary>
    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
