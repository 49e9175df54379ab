using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsReader.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own because EF Core finds a context's migrations by
/// its type: PostgreSQL's set (Data/Migrations/Postgres) is not SQLite's, and each has its compiled model.
/// </summary>
public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options);

/// <summary>
/// Lets `dotnet ef migrations add --context PostgresNewsDbContext` and `dbcontext optimize` build the
/// model without a server: neither opens a connection.
/// </summary>
public sealed class PostgresNewsDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresNewsDbContext>()
            .UseNpgsql("Host=localhost;Database=newsreader_design")
            .Options);
}
