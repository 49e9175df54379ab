using Microsoft.Extensions.Options;

namespace NewsReader.Media;

public static class MediaRegistration
{
    /// <summary>
    /// Registers picture checking, variant making and the resize jobs with its background
    /// worker, configured from <c>NewsReader:Media</c>. libvips is set up on first use.
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => o.Limits.MaxBytes > 0 && o.Limits.MaxPixels > 0, "NewsReader:Media:Limits must be positive.")
            .Validate(o => o.QueueCapacity > 0 && o.ResizeWorkers > 0, "NewsReader:Media:QueueCapacity and ResizeWorkers must be positive.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            VipsRuntime.EnsureReady(options.VipsThreads);
            return options;
        });
        services.AddSingleton(sp => new ImageInspector(sp.GetRequiredService<MediaOptions>().Limits));
        services.AddSingleton<VariantMaker>();
        services.AddSingleton(sp => new ResizeJobs(sp.GetRequiredService<MediaOptions>()));
        services.AddHostedService(sp => new ResizeWorker(
            sp.GetRequiredService<ResizeJobs>(),
            sp.GetRequiredService<VariantMaker>(),
            sp.GetRequiredService<MediaOptions>(),
            sp.GetRequiredService<ILogger<ResizeWorker>>()));
        services.AddSingleton<MediaPictures>();
        services.AddSingleton<MediaVariants>();
        services.AddSingleton<MediaEndpoints>();
        services.AddScoped<MediaLibrary>();
        services.AddSingleton<MediaFolder>();
        return services;
    }

    /// <summary>The served variants; originals have no URL.</summary>
    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/media/{file}", (HttpContext http, string file, MediaEndpoints media) => media.GetAsync(http, file));
        return routes;
    }
}
