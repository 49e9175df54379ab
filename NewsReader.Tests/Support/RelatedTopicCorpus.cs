namespace NewsReader.Tests.Support;

/// <summary>
/// Stories on distinct topics whose categories cut across the topics, as on a real site where
/// "World" or "Business" say little about what a story is about. Same seed, same stories.
/// </summary>
public static class RelatedTopicCorpus
{
    public sealed record Story(string Topic, string Title, string Summary, string Body, string[] Categories, string[] Tags);

    public static readonly string[] Categories = ["World", "Business", "Politics", "Culture", "Science", "Local"];

    private static readonly string[] GenericTags = ["analysis", "interview", "explainer", "opinion", "live", "long read"];

    private static readonly Dictionary<string, string[]> Topics = new()
    {
        ["trams"] = ["tram", "rail", "track", "depot", "tunnel", "passenger", "timetable", "carriage", "signal", "platform",
            "overhead", "conductor", "route", "junction", "tramway", "viaduct", "commuter", "fare", "ticket", "shuttle"],
        ["harvest"] = ["wheat", "barley", "harvest", "tractor", "farmer", "orchard", "drought", "irrigation", "grain", "silo",
            "pasture", "cattle", "fertiliser", "seedling", "vineyard", "crop", "plough", "dairy", "meadow", "granary"],
        ["music"] = ["concert", "orchestra", "violin", "festival", "choir", "album", "guitar", "melody", "stage", "drummer",
            "symphony", "singer", "audience", "encore", "rehearsal", "conductor", "ballad", "tour", "piano", "chorus"],
        ["health"] = ["hospital", "nurse", "patient", "clinic", "vaccine", "surgeon", "ward", "ambulance", "doctor", "diagnosis",
            "pharmacy", "treatment", "infection", "therapy", "midwife", "emergency", "recovery", "symptom", "prescription", "outbreak"],
        ["football"] = ["football", "striker", "goalkeeper", "league", "stadium", "referee", "penalty", "midfield", "coach", "fixture",
            "transfer", "tournament", "supporter", "tackle", "captain", "derby", "relegation", "kickoff", "defender", "trophy"],
        ["coast"] = ["harbour", "fisherman", "lighthouse", "tide", "storm", "ferry", "dune", "seawall", "trawler", "gull",
            "estuary", "shipyard", "coastguard", "pier", "erosion", "lifeboat", "cove", "sailor", "anchor", "beach"],
    };

    // Words every topic uses, so that stories share plenty of vocabulary across topics.
    private static readonly string[] Common =
    [
        "council", "plan", "morning", "people", "city", "report", "money", "change", "group", "local", "public", "support",
        "family", "work", "service", "area", "community", "project", "team", "report", "evening", "summer", "winter", "town",
        "decision", "meeting", "budget", "board", "office", "street", "market", "school", "weekend", "region", "news",
        "center", "government", "minister", "official", "company", "price", "cost", "visitor", "resident", "volunteer",
        "future", "history", "problem", "result", "statement", "question", "answer", "story", "moment", "hour", "month",
    ];

    private static readonly string[] Glue = ["the", "a", "and", "of", "in", "to", "with", "for", "on", "at", "as", "was", "is", "said"];

    public static IReadOnlyList<string> TopicNames => [.. Topics.Keys];

    public static List<Story> Generate(int storiesPerTopic, int seed = 42)
    {
        var random = new Random(seed);
        var stories = new List<Story>();
        var number = 0;
        for (var i = 0; i < storiesPerTopic; i++)
        {
            foreach (var (topic, words) in Topics)
            {
                number++;
                var title = $"{Cap(Pick(random, words))} {Pick(random, Common)} {Pick(random, words)} {Pick(random, Common)} {number}";
                var summary = Sentence(random, words, 14, 0.15);
                var body = string.Join("\n\n", Enumerable.Range(0, 4).Select(_ => Sentence(random, words, 45, 0.08)));
                var categories = Categories.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                var tags = GenericTags.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray();
                stories.Add(new Story(topic, title, summary, body, categories, tags));
            }
        }
        return stories;
    }

    private static string Sentence(Random random, string[] topicWords, int length, double topicShare) =>
        Cap(string.Join(" ", Enumerable.Range(0, length).Select(_ =>
        {
            var roll = random.NextDouble();
            return roll < topicShare ? Pick(random, topicWords) : roll < 0.7 ? Pick(random, Common) : Pick(random, Glue);
        }))) + ".";

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
