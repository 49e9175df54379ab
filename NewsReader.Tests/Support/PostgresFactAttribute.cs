namespace NewsReader.Tests.Support;

/// <summary>A test that only PostgreSQL can run; skipped, saying why, when NEWSREADER_TEST_POSTGRES is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestPostgres.IsConfigured)
        {
            Skip = TestPostgres.SkipReason;
        }
    }
}
