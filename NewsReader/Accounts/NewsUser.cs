using Microsoft.AspNetCore.Identity;

namespace NewsReader.Accounts;

/// <summary>An account that can sign in to the admin area. The user name is always the email address.</summary>
public class NewsUser : IdentityUser
{
    /// <summary>How the account is shown to other editors; the email when empty.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// A disabled account cannot sign in, and its existing cookies stop working because disabling
    /// also changes the security stamp. Kept apart from lockout, which is about failed sign-ins.
    /// </summary>
    public bool Disabled { get; set; }
}

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
