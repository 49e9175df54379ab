using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsReader.Media;

namespace NewsReader.Tests.Media;

[Collection(MediaTestGroup.Name)]
public sealed class MediaRegistrationTests
{
    [Fact]
    public void AddMedia_registers_the_services_with_settings_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["NewsReader:Media:Limits:MaxBytes"] = "1000000",
                ["NewsReader:Media:QueueCapacity"] = "2",
            })
            .Build();
        var services = new ServiceCollection().AddLogging();

        services.AddMedia(configuration);
        using var provider = services.BuildServiceProvider(validateScopes: true);

        var inspector = provider.GetRequiredService<ImageInspector>();
        Assert.Equal(1_000_000, inspector.Limits.MaxBytes);
        Assert.Equal(50_000_000, inspector.Limits.MaxPixels);
        Assert.Equal(2, provider.GetRequiredService<MediaOptions>().QueueCapacity);
        Assert.NotNull(provider.GetRequiredService<VariantMaker>());
        Assert.Same(provider.GetRequiredService<ResizeJobs>(), provider.GetRequiredService<ResizeJobs>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is ResizeWorker);
    }
}
