using NewsReader.Data;

namespace NewsReader.Tests.Data;

public sealed class BusyTimeoutTests
{
    [Fact]
    public void ADatabaseWithoutATimeoutWaitsFiveSecondsForAnotherWriter() =>
        Assert.Contains("Default Timeout=5", DatabaseSetup.WithBusyTimeout("Data Source=/srv/timeout-tests/news.db"));

    [Theory]
    [InlineData("Data Source=news.db;Default Timeout=1")]
    [InlineData("Data Source=news.db;command timeout=60")]
    public void ATimeoutInTheConnectionStringWins(string connectionString) =>
        Assert.Equal(connectionString, DatabaseSetup.WithBusyTimeout(connectionString));
}
