using NewsReader.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsReader.Tests.Support;

/// <summary>
/// A test of a class that runs on each database engine: the class is abstract, takes the engine,
/// and is run through two sealed classes named …OnSqlite and …OnPostgres. The PostgreSQL runs are
/// skipped, saying why, when NEWSREADER_TEST_POSTGRES is not set (CI sets it and fails on skips).
/// </summary>
[XunitTestCaseDiscoverer("NewsReader.Tests.Support.ProviderFactDiscoverer", "NewsReader.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>A theory of a class that runs on each database engine; see <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("NewsReader.Tests.Support.ProviderTheoryDiscoverer", "NewsReader.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public static class TestClassProvider
{
    public const string PostgresSuffix = "OnPostgres";

    /// <summary>The engine a test class runs on, by its name.</summary>
    public static DatabaseProvider Of(ITestMethod method) =>
        method.TestClass.Class.Name.EndsWith(PostgresSuffix, StringComparison.Ordinal) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static string? SkipReason(ITestMethod method) =>
        Of(method) == DatabaseProvider.Postgres && !TestPostgres.IsConfigured ? TestPostgres.SkipReason : null;
}

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        TestClassProvider.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        TestClassProvider.SkipReason(testMethod) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

/// <summary>A test case reported as skipped with a reason of its own.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
    }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
        : base(sink, display, options, method) => _reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }
}
