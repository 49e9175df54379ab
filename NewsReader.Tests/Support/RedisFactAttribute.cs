namespace NewsReader.Tests.Support;

/// <summary>
/// A test against a real Redis server, named by <c>NEWSREADER_TEST_REDIS</c> (a StackExchange.Redis
/// configuration such as "127.0.0.1:6379"); skipped, and saying why, when that is not set.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "NEWSREADER_TEST_REDIS";

    public RedisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Configuration))
        {
            Skip = $"{Variable} is not set";
        }
    }

    public static string? Configuration => Environment.GetEnvironmentVariable(Variable);
}
