using System.Text;

namespace NewsReader.Benchmarks;

/// <summary>
/// A long news story in Markdown with everything an editor uses (headings, paragraphs, emphasis, a
/// link, lists, a quotation, a code block), made from a seed so every run measures the same text.
/// Built here rather than committed: a 2,000-word file would be noise in the repository.
/// </summary>
public static class SampleStory
{
    public const int Words = 2000;
    public const string Title = "Night trams return to Kettleford as the harbour line reopens";

    private static readonly string[] Vocabulary =
    [
        "council", "residents", "tram", "harbour", "line", "depot", "passengers", "timetable", "engineers",
        "overhead", "track", "platform", "ferry", "quay", "budget", "morning", "evening", "community",
        "project", "million", "spring", "autumn", "signalling", "junction", "tunnel", "route", "commuters",
        "fares", "report", "officials", "drivers", "union", "weekend", "service", "night", "station",
        "the", "a", "of", "and", "to", "in", "on", "for", "with", "after", "before", "while", "said",
        "would", "could", "has", "had", "was", "were", "is", "are", "new", "old", "first", "last",
    ];

    private static readonly string[] CodeBlock =
    [
        "```csharp",
        "var delayed = trams.Where(t => t.Delay > TimeSpan.FromMinutes(5));",
        "foreach (var tram in delayed)",
        "{",
        "    Console.WriteLine($\"{tram.Line}: {tram.Delay}\");",
        "}",
        "```",
    ];

    // The code is read, the fences and their language are not.
    private static readonly int CodeWords = CountWords(string.Join('\n', CodeBlock[1..^1]));

    /// <summary>Exactly <see cref="Words"/> words as the site counts them (checked by the benchmarks' setup).</summary>
    public static string Markdown(int seed = 6)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var remaining = Words;

        for (var section = 0; remaining > 0; section++)
        {
            if (section > 0)
            {
                text.Append("## ");
                Sentence(random.Next(3, 6), heading: true);
                text.Append("\n\n");
            }

            for (var p = random.Next(2, 4); p > 0 && remaining > 0; p--)
            {
                for (var s = random.Next(3, 6); s > 0 && remaining > 0; s--)
                {
                    Sentence(random.Next(8, 21), heading: false);
                    text.Append(' ');
                }

                if (section == 0 && p == 1)
                {
                    // The URL is not read, so only the sentence around it and the link text count.
                    text.Append("Read the [council's transport report](https://example.org/reports/trams-2026?page=2#night) for the figures. ");
                    remaining -= CountWords("Read the council's transport report for the figures.");
                }

                text.Append("\n\n");
            }

            if (remaining <= 0)
            {
                break;
            }

            switch (section % 4)
            {
                case 0:
                    for (var i = 0; i < 5 && remaining > 0; i++)
                    {
                        text.Append("- ");
                        Sentence(random.Next(4, 9), heading: false);
                        text.Append('\n');
                    }
                    break;
                case 1:
                    text.Append("> ");
                    Sentence(random.Next(15, 25), heading: false);
                    text.Append("\n>\n> ");
                    Sentence(random.Next(6, 10), heading: false);
                    text.Append('\n');
                    break;
                case 2:
                    for (var i = 1; i <= 4 && remaining > 0; i++)
                    {
                        text.Append(i).Append(". ");
                        Sentence(random.Next(4, 9), heading: false);
                        text.Append('\n');
                    }
                    break;
                case 3 when remaining >= CodeWords:
                    foreach (var line in CodeBlock)
                    {
                        text.Append(line).Append('\n');
                    }

                    remaining -= CodeWords;
                    break;
            }

            text.Append('\n');
        }

        return text.ToString();

        void Sentence(int length, bool heading)
        {
            length = Math.Min(length, remaining);
            for (var i = 0; i < length; i++)
            {
                var word = Vocabulary[random.Next(Vocabulary.Length)];
                if (i == 0)
                {
                    word = char.ToUpperInvariant(word[0]) + word[1..];
                }
                else if (!heading && random.Next(25) == 0)
                {
                    word = random.Next(2) == 0 ? $"*{word}*" : $"**{word}**";
                }

                text.Append(word);
                if (i < length - 1)
                {
                    text.Append(random.Next(12) == 0 && !heading ? ", " : " ");
                }
            }

            if (!heading && length > 0)
            {
                text.Append('.');
            }

            remaining -= length;
        }
    }

    // Whitespace-separated tokens with a letter or digit, as MarkdownRenderer counts them for ASCII text.
    private static int CountWords(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
}
