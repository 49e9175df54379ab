using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

using NewsReader.Data;

namespace NewsReader.Accounts;

/// <summary>
/// Checks a sign-in cookie against the database on every request that carries one. Identity's own
/// validator looks only every 30 minutes and then re-issues the cookie; this one is a single
/// primary-key read, so a disabled account or a changed role (both change the security stamp) ends
/// the old cookie at once. Anonymous readers carry no cookie and cost nothing.
/// </summary>
public static class AccountCookieValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null)
        {
            return;
        }
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountCheck>();
        if (!await accounts.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}

/// <summary>
/// A circuit keeps the authentication state it started with; this looks at the database again every
/// minute, so a circuit of an account that was disabled or changed role loses the admin
/// pages soon after. Services do not wait for it: they check through <see cref="EditorAccess"/>.
/// </summary>
public sealed class RevalidatingAccountStateProvider(ILoggerFactory loggerFactory, AccountCheck accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await accounts.IsCurrentAsync(authenticationState.User, cancellationToken);
}

/// <summary>
/// Identity's sign-in with two additions: disabled accounts may not sign in, and an unknown email, a
/// locked or a disabled account cost as much time as a wrong password.
/// </summary>
public sealed class NewsSignInManager(
    UserManager<NewsUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<NewsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<NewsUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<NewsUser> confirmation)
    : SignInManager<NewsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a password nobody knows, made once, so that an unknown email runs the same
    // key derivation as a known one and the answer's timing does not tell them apart.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<NewsUser>().HashPassword(new NewsUser(), Guid.NewGuid().ToString()));

    public override async Task<bool> CanSignInAsync(NewsUser user) =>
        !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            var result = await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
            if (result.IsLockedOut || result.IsNotAllowed)
            {
                // Identity answers these before it checks the password; hash anyway, so that a locked or
                // disabled account takes as long to refuse as any other failure.
                UserManager.PasswordHasher.VerifyHashedPassword(user, DecoyHash.Value, password);
            }
            return result;
        }
        UserManager.PasswordHasher.VerifyHashedPassword(new NewsUser(), DecoyHash.Value, password);
        return SignInResult.Failed;
    }
}
