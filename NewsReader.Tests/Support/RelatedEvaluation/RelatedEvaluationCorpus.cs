namespace NewsReader.Tests.Support.RelatedEvaluation;

/// <summary>
/// Hand-written news stories for judging related-story rankings: ten subjects, five stories each,
/// written for this project. Categories and tags were given the way a newsroom gives them (by desk
/// and by format), not by subject, so "Science", "Local" or "analysis" join stories that have
/// nothing else in common — a ranking that leans on them shows it here.
/// </summary>
public static partial class RelatedEvaluationCorpus
{
    public sealed record Story(string Subject, string Title, string Summary, string Body, string[] Categories, string[] Tags);

    // Built on each call: the subjects' arrays live in other parts of this partial class, whose
    // static fields have no defined initialisation order relative to a field here.
    public static IReadOnlyList<Story> Stories =>
    [
        .. Volcano, .. Coral, .. InterestRates, .. Tram, .. Football,
        .. HospitalStrike, .. Wildfire, .. Recount, .. Chess, .. Bridge,
    ];

    private static Story S(string subject, string title, string summary, string body, string[] categories, string[] tags) =>
        new(subject, title, summary, body, categories, tags);
}
