using System.Text;
using NewsReader.Stories;

namespace NewsReader.Demo;

/// <summary>
/// Makes believable filler stories for load tests: each belongs to one of a few topics with their
/// own vocabulary (so search and related stories have something to find), gets broad categories
/// and tags, and a date spread over several years. The same seed gives the same stories.
/// </summary>
public sealed class DemoStoryGenerator(int seed)
{
    private static readonly string[] Categories =
        ["World", "Business", "City", "Science", "Culture", "Sport", "Environment", "Transport", "Health", "Education", "Politics", "Opinion"];

    private static readonly (string Name, string[] Words)[] Topics =
    [
        ("trams", ["tram", "line", "depot", "overhead", "track", "platform", "passengers", "timetable", "junction", "tunnel", "signalling", "carriage", "route", "commuters", "fares"]),
        ("harbour", ["harbour", "ferry", "quay", "dockers", "cargo", "crane", "tide", "pilot", "berth", "container", "fishing", "trawler", "lighthouse", "marina", "breakwater"]),
        ("rivers", ["river", "flood", "levee", "reeds", "otters", "wetland", "rainfall", "gauge", "embankment", "meander", "sediment", "salmon", "restoration", "sluice", "catchment"]),
        ("robots", ["robot", "sensor", "prototype", "engineers", "battery", "firmware", "inspection", "drone", "actuator", "laboratory", "algorithm", "startup", "investors", "patent", "autonomy"]),
        ("music", ["festival", "stage", "band", "orchestra", "concert", "audience", "choir", "rehearsal", "album", "drummer", "headliner", "tickets", "encore", "violin", "acoustics"]),
        ("markets", ["market", "stalls", "traders", "rents", "bakery", "cheese", "shoppers", "landlord", "footfall", "produce", "butcher", "arcade", "lease", "customers", "weekend"]),
        ("schools", ["school", "pupils", "teachers", "classroom", "exams", "headteacher", "curriculum", "playground", "library", "governors", "timetable", "homework", "science", "reading", "uniform"]),
        ("football", ["match", "goal", "striker", "keeper", "league", "stadium", "supporters", "manager", "penalty", "season", "transfer", "referee", "derby", "fixture", "trophy"]),
        ("hospitals", ["hospital", "nurses", "ward", "surgeon", "patients", "clinic", "waiting", "ambulance", "vaccine", "pharmacy", "midwives", "theatre", "diagnosis", "beds", "therapy"]),
        ("housing", ["housing", "tenants", "flats", "developer", "planning", "mortgage", "terrace", "estate", "builders", "rent", "garden", "allotment", "renovation", "leasehold", "neighbours"]),
        ("elections", ["election", "ballot", "candidate", "campaign", "voters", "turnout", "mayor", "councillors", "manifesto", "polling", "debate", "coalition", "majority", "hustings", "recount"]),
        ("weather", ["storm", "frost", "heatwave", "drought", "gale", "snowfall", "forecast", "thunder", "fog", "hailstones", "temperature", "sunshine", "rainstorm", "blizzard", "humidity"]),
        ("theatre", ["play", "actors", "playwright", "premiere", "costume", "director", "matinee", "curtain", "rehearsals", "audition", "script", "understudy", "revival", "pantomime", "critics"]),
        ("farming", ["farm", "harvest", "tractor", "barley", "sheep", "dairy", "orchard", "hedgerow", "fertiliser", "livestock", "vineyard", "cattle", "combine", "silage", "beekeepers"]),
    ];

    private static readonly string[] CommonWords =
    [
        "council", "residents", "said", "year", "plans", "new", "local", "people", "week", "town", "report",
        "officials", "budget", "morning", "spokesperson", "community", "project", "million", "spring", "autumn",
        "evening", "decision", "meeting", "county", "families", "survey", "figures", "summer", "winter", "volunteers",
        "complaint", "proposal", "review", "funding", "district", "charity", "visitors", "statement", "months", "question",
    ];

    private static readonly string[] FirstNames =
        ["Amara", "Bram", "Carys", "Dmitri", "Elif", "Farid", "Greta", "Hamish", "Ines", "Joaquim", "Kiri", "Lorcan", "Maren", "Nikhil", "Orla", "Pavel"];

    private static readonly string[] LastNames =
        ["Abernethy", "Brandvold", "Castellanos", "Drummond", "Eklund", "Fairweather", "Gallagher", "Haddad", "Ivanova", "Jarrow", "Kowalski", "Lindgren", "Mbeki", "Nakamura", "Ostrowski", "Penhaligon"];

    private static readonly string[] Places =
        ["Lindqvist Harbour", "Kettleford", "Brindle", "Ashcombe", "Norrvik", "Hollin Park", "Saltgate", "Marrow Bay",
         "Fenwick Cross", "Oldmoor", "Tarrant Quay", "Wrenbury", "Glassholm", "Cawdor Vale", "Ebbing", "Stourhythe"];
    private static readonly string[] Authors =
        ["Ana Ferreira", "Jonah Whitlock", "Priya Castellan", "Samuel Oyelaran", "Mireille Dufort", "Hana Kowalczyk",
         "Tomasz Lind", "Grace Adeyemi", "Luca Bellandi", "Sunniva Berg", "Rafael Quintero", "Aoife Brennan"];

    // Bodies are made of paragraphs and headings from a fixed pool per topic, so that a bulk load
    // renders each distinct block once (see DemoSeeder) instead of once per story; with this many
    // blocks to choose from, stories still differ in their words, length and order.
    private const int ParagraphsPerTopic = 48;
    private const int OpeningsPerTopic = 48;
    private const int HeadingsPerTopic = 16;

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, (string[] Openings, string[] Paragraphs, string[] Headings)> _pools = [];

    public StoryInput Next(int number, DateTime newest) => NextWithBlocks(number, newest).Input;

    /// <summary>
    /// A story and the blocks its body is made of, in order: the body is each block followed by a
    /// blank line, so its HTML is the blocks' HTML one after another.
    /// </summary>
    public (StoryInput Input, IReadOnlyList<string> Blocks) NextWithBlocks(int number, DateTime newest)
    {
        var topic = Topics[_random.Next(Topics.Length)];
        var pool = PoolOf(topic);
        var place = Places[_random.Next(Places.Length)];
        var title = $"{Capitalise(Pick(topic.Words))} {Pick(topic.Words)} {Pick(CommonWords)} in {place}, story {number}";
        var summary = Capitalise(Sentence(topic.Words, 14));
        var blocks = new List<string>(10);
        var paragraphs = _random.Next(4, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p == 2)
            {
                blocks.Add(Pick(pool.Headings));
            }
            blocks.Add(p == 0 ? Pick(pool.Openings) : Pick(pool.Paragraphs));
        }
        var body = new StringBuilder();
        foreach (var block in blocks)
        {
            body.Append(block).Append("\n\n");
        }

        var categories = new[] { Categories[_random.Next(Categories.Length)], Categories[_random.Next(Categories.Length)] }
            .Distinct().ToList();
        var tags = new[] { topic.Name, Pick(topic.Words), Pick(topic.Words) }.Distinct().ToList();
        var publishedAt = newest.AddMinutes(-number * 23 - _random.Next(20));
        // The number leads the slug so that cutting it to 100 characters keeps it unique.
        var input = new StoryInput(title, Slug.From($"demo {number} {title}"), summary, [Authors[_random.Next(Authors.Length)]], body.ToString(), null, publishedAt, categories, tags);
        return (input, blocks);
    }

    private (string[] Openings, string[] Paragraphs, string[] Headings) PoolOf((string Name, string[] Words) topic)
    {
        if (!_pools.TryGetValue(topic.Name, out var pool))
        {
            pool = (
                Enumerable.Range(0, OpeningsPerTopic).Select(_ => Paragraph(topic.Words, opening: true)).ToArray(),
                Enumerable.Range(0, ParagraphsPerTopic).Select(_ => Paragraph(topic.Words, opening: false)).ToArray(),
                Enumerable.Range(0, HeadingsPerTopic).Select(_ => $"## {Capitalise(Pick(topic.Words))} and {Pick(topic.Words)}").ToArray());
            _pools[topic.Name] = pool;
        }
        return pool;
    }

    private string Paragraph(string[] topicWords, bool opening)
    {
        var paragraph = new StringBuilder();
        for (var s = _random.Next(3, 6); s > 0; s--)
        {
            paragraph.Append(Capitalise(Sentence(topicWords, _random.Next(10, 22)))).Append(' ');
        }
        if (opening)
        {
            // A named person, a place and a figure: the words that make real stories tell apart.
            paragraph.Append(Pick(FirstNames)).Append(' ').Append(Pick(LastNames)).Append(" of ").Append(Pick(Places))
                .Append(" said the ").Append(Pick(topicWords)).Append(" would cost ")
                .Append(_random.Next(2, 950).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" thousand. ");
        }
        return paragraph.ToString();
    }

    private string Sentence(string[] topicWords, int length)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
        {
            words[i] = _random.Next(3) == 0 ? Pick(topicWords) : Pick(CommonWords);
        }
        return string.Join(' ', words) + ".";
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
