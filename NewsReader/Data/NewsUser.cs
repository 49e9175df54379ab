using Microsoft.AspNetCore.Identity;

namespace NewsReader.Data;

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
