using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileWriterTests
{
    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Any_value_round_trips_through_write_and_parse(string value)
    {
        // Arrange: values as Parse would give them, trimmed and with lists cleaned
        var trimmed = value.Trim();
        var original = new StoryFile(
            trimmed, trimmed, trimmed, trimmed.Length == 0 ? [] : [trimmed], new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc),
            [trimmed, "Other"], ["first", trimmed], trimmed, ("Body with " + value + "\n").Replace("\r", "\n"));

        // Act
        var written = StoryFileWriter.Write(original);
        var parsed = StoryFileFormatTests.ParseOk(written);

        // Assert
        StoryFileFormatTests.AssertSameStory(original, parsed);
    }

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Writing_a_parsed_story_again_changes_nothing(string value)
    {
        // Arrange
        var story = StoryFileFormatTests.Story(title: value, slug: value, summary: value, author: value, categories: [value, "x"],
            tags: [value], image: value, body: value);

        // Act
        var first = StoryFileWriter.Write(story);
        var second = StoryFileWriter.Write(StoryFileFormatTests.ParseOk(first));

        // Assert
        Assert.Equal(first, second);
    }

    public static TheoryData<string> HandWrittenFiles() =>
    [
        StoryFileFormatTests.DesignExample,
        StoryFileFormatTests.DesignExample.Replace("\n", "\r\n"),
        "---\ntitle: Draft\n---\n",
        "---\nTITLE: '  yes  '\ncategories: a, b, A\ntags:\n  - 'x, y'\n  - null\npublished: 2026-06-20T11:30:00.5+02:00\n---\n\n\nBody\n---\nmore\n",
        "---\ntitle: |\n  Two\n  lines\nsummary: >\n  folded\n  text\nauthor: \"Ana \\\"AF\\\" Ferreira\"\nimage: /a.png\n---\nx",
        "---\ntitle: \"\\t東京\\u0007\"\nslug: '2026-01-01'\ncategories: [\"[a]\", '{b}', \"c,d\"]\n---\n",
    ];

    [Theory]
    [MemberData(nameof(HandWrittenFiles))]
    public void A_parsed_file_survives_export_and_import_unchanged(string content)
    {
        // Arrange
        var story = StoryFileFormatTests.ParseOk(content);

        // Act
        var exported = StoryFileWriter.Write(story);
        var reimported = StoryFileFormatTests.ParseOk(exported);
        var exportedAgain = StoryFileWriter.Write(reimported);

        // Assert
        StoryFileFormatTests.AssertSameStory(story, reimported);
        Assert.Equal(exported, exportedAgain);
    }

    [Fact]
    public void Random_stories_round_trip()
    {
        // Arrange
        var random = new Random(4242);
        const string alphabet = "aZ09 :-#[]{},&*!|>'\"%@`?~\\\n\t.éø東京/\u2028\u0085";
        string RandomText(int maxLength)
        {
            var chars = new char[random.Next(1, maxLength)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }
            return new string(chars);
        }

        for (var n = 0; n < 2_000; n++)
        {
            var source = StoryFileFormatTests.Story(
                title: "T" + RandomText(20), slug: RandomText(10), summary: RandomText(30), author: RandomText(10),
                published: new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, 1_000_000_000_000_000)),
                categories: [RandomText(8), RandomText(8)], tags: [RandomText(8)], image: RandomText(10), body: RandomText(50));

            // Act
            var story = StoryFileFormatTests.ParseOk(StoryFileWriter.Write(source));
            var written = StoryFileWriter.Write(story);
            var reparsed = StoryFileFormatTests.ParseOk(written);

            // Assert
            StoryFileFormatTests.AssertSameStory(story, reparsed);
            Assert.Equal(written, StoryFileWriter.Write(reparsed));
        }
    }
}
