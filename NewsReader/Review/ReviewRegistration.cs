namespace NewsReader.Review;

public static class ReviewRegistration
{
    /// <summary>The review queue's service. Scoped: one per circuit, for the signed-in editor.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewDesk>();
        services.AddScoped<IReviewCount>(provider => provider.GetRequiredService<ReviewDesk>());
        return services;
    }
}
