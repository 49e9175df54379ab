using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using NewsReader.Data;

namespace NewsReader.Accounts;

public static class AccountsRegistration
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>Identity with its EF Core stores, cookie sign-in, roles, and Data Protection keys in the database.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<NewsUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the email address, which the email validator already checks.
                options.User.AllowedUserNameCharacters = "";
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddSignInManager<NewsSignInManager>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".NewsReader.SignIn";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = AccountCookieValidation.ValidatePrincipalAsync;
            // The Blazor hub is for scripts, not people: a plain 401/403 there rather than a redirect to a page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        // Keys in the database: sign-in cookies, antiforgery tokens and reader ids stay readable
        // after a restart and on every instance.
        services.AddDataProtection()
            .SetApplicationName("NewsReader")
            .PersistKeysToDbContext<NewsDbContext>();

        services.AddSingleton<AccountCheck>();
        services.AddSingleton<AccountManager>();
        services.AddSingleton<SetupTokens>();
        services.AddScoped<EditorAccess>();
        services.AddScoped<UserAdministration>();
        // After DatabaseStartup: its StartingAsync migrates the database before this one runs.
        services.AddHostedService<AccountStartup>();
        return services;
    }

    /// <summary>
    /// Only signed-in writers (contributors, editors, admins) may open a circuit on the Blazor hub. Only the admin area is interactive,
    /// and its messages may be large (the story editor sends a whole body in one), so the hub accepts
    /// 2 MB messages; without this anyone could open the hub and make the server buffer them.
    /// </summary>
    public static RazorComponentsEndpointConventionBuilder RequireEditorsForCircuits(this RazorComponentsEndpointConventionBuilder components)
    {
        components.Add(endpoint =>
        {
            if (IsBlazorHub(endpoint))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute { Roles = Roles.Writers });
            }
        });
        return components;
    }

    // The hub's two entry points: negotiation and the connection itself (WebSocket, SSE or long polling).
    private static bool IsBlazorHub(EndpointBuilder endpoint) =>
        endpoint is RouteEndpointBuilder { RoutePattern.RawText: BlazorHubPath or BlazorHubPath + "/negotiate" };

    private const string BlazorHubPath = "/_blazor";

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(BlazorHubPath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            // Not the site's 404 page: re-executed as a POST it would answer 400 instead.
            if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    /// <summary>Authentication then authorization; call before UseAntiforgery.</summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
