using NewsReader.Data;

namespace NewsReader.Tests.Support;

public static class TestProviders
{
    /// <summary>
    /// SQLite; NEWSREADER_TEST_PROVIDER=Postgres runs every site of the suite on PostgreSQL instead
    /// (with NEWSREADER_TEST_POSTGRES set), to find what differs before a test is made to run on both.
    /// </summary>
    public static DatabaseProvider Default { get; } =
        DatabaseProviders.Parse(System.Environment.GetEnvironmentVariable("NEWSREADER_TEST_PROVIDER"));
}
