using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsReader.Accounts;

namespace NewsReader.Data;

// Accounts (Identity's tables) and the Data Protection keys live in the same database as the
// stories, so one backup holds everything and several instances share sign-ins.
public class NewsDbContext : IdentityDbContext<NewsUser>, IDataProtectionKeyContext
{
    public NewsDbContext(DbContextOptions<NewsDbContext> options) : base(options)
    {
    }

    /// <summary>For <see cref="PostgresNewsDbContext"/>, whose options name its own type.</summary>
    protected NewsDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Story> Stories => Set<Story>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();
    public DbSet<Reaction> Reactions => Set<Reaction>();
    public DbSet<ReactionCount> ReactionCounts => Set<ReactionCount>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();
    public DbSet<AutosaveSlot> AutosaveSlots => Set<AutosaveSlot>();
    public DbSet<RelatedStory> RelatedStories => Set<RelatedStory>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
        KeepFirstReleaseColumnNames(modelBuilder);
    }

    /// <summary>
    /// The code says "story"; the database keeps the names of its first release ("Articles",
    /// "ArticleId"). Renaming them would rebuild every existing database, full-text triggers
    /// included, for nothing a reader or editor would see. Tables are named in each configuration.
    /// </summary>
    private static void KeepFirstReleaseColumnNames(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.Name is nameof(Story) + "Id" or "Related" + nameof(Story) + "Id")
            {
                property.SetColumnName(property.Name.Replace(nameof(Story), "Article", StringComparison.Ordinal));
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite keeps no kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
