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
        });

        // Keys in the database: sign-in cookies, antiforgery tokens and reader ids stay readable
        // after a restart and on every instance (DESIGN.md §11).
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

    /// <summary>Authentication then authorization; call before UseAntiforgery.</summary>
    public static IApplicationBuilder UseAccounts(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();
}
