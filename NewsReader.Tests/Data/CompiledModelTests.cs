using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsReader.Data;
using NewsReader.Data.CompiledModels;

namespace NewsReader.Tests.Data;

/// <summary>
/// The site starts from the compiled model in Data/CompiledModels (SQLite) or
/// Data/CompiledModels/Postgres. When an entity or its configuration changes, regenerate both
/// (the README gives the two `dotnet ef dbcontext optimize` commands).
/// </summary>
public sealed class CompiledModelTests
{
    private static string Describe(IReadOnlyModel model) => string.Join("\n",
        model.GetEntityTypes().OrderBy(e => e.Name).Select(e =>
            $"{e.Name} [{e.GetTableName()}] "
            + string.Join(", ", e.GetProperties().OrderBy(p => p.Name).Select(p => $"{p.Name}:{p.ClrType.Name}:{(p.IsNullable ? "null" : "required")}:{p.GetMaxLength()}"))
            + " | keys " + string.Join(", ", e.GetKeys().Select(k => string.Join("+", k.Properties.Select(p => p.Name))).Order())
            + " | indexes " + string.Join(", ", e.GetIndexes().Select(i => (i.IsUnique ? "unique " : "") + string.Join("+", i.Properties.Select(p => p.Name))).Order())));

    [Fact]
    public void TheCompiledModelDescribesTheSameTablesColumnsKeysAndIndexesAsTheEntityConfiguration()
    {
        var options = new DbContextOptionsBuilder<NewsDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new NewsDbContext(options);
        var configured = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal(Describe(configured), Describe(NewsDbContextModel.Instance));
    }

    [Fact]
    public void ThePostgresCompiledModelDescribesTheSameTablesColumnsKeysAndIndexesAsTheEntityConfiguration()
    {
        // Building the model needs no server: nothing connects.
        var options = new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost;Database=unused").Options;
        using var db = new PostgresNewsDbContext(options);
        var configured = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal(Describe(configured), Describe(NewsReader.Data.CompiledModels.Postgres.PostgresNewsDbContextModel.Instance));
    }

    [Fact]
    public void ThePostgresMigrationsLeaveNothingOfTheModelUnmigrated()
    {
        var options = new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost;Database=unused").Options;
        using var db = new PostgresNewsDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(), "run `dotnet ef migrations add <Name> --context PostgresNewsDbContext …` (README)");
    }
}
