using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

/// <summary>Writing story files, and files that survive being read and written again unchanged.</summary>
public class StoryFileWriterTests
{
    // ---- Write ----

    [Fact]
    public void Write_produces_the_design_layout()
    {
        // Arrange
        var story = new StoryFile(
            "Tram line 4 opens to passengers", "tram-line-4-opens", "One or two sentences for lists and feeds.",
            "Ana Ferreira", new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc), ["City", "Transport"],
            ["trams", "infrastructure"], "https://example.org/tram.jpg", "Markdown body.\n");

        // Act
        var file = StoryFileWriter.Write(story);

        // Assert
        Assert.Equal("""
            ---
            title: Tram line 4 opens to passengers
            slug: tram-line-4-opens
            summary: One or two sentences for lists and feeds.
            author: Ana Ferreira
            published: 2026-06-20T09:30:00Z
            categories: [City, Transport]
            tags: [trams, infrastructure]
            image: https://example.org/tram.jpg
            ---
            Markdown body.

            """, file);
    }

    [Fact]
    public void Write_leaves_out_empty_optional_fields()
    {
        // Arrange
        var story = StoryFileFormatTests.Story(title: "Draft", slug: null, summary: "", author: "  ", published: null, image: null, body: "");

        // Act
        var file = StoryFileWriter.Write(story);

        // Assert
        Assert.Equal("---\ntitle: Draft\ncategories: []\ntags: []\n---\n", file);
    }

    [Theory]
    [InlineData(0L, "2026-06-20T09:30:00Z")]
    [InlineData(1_230_000L, "2026-06-20T09:30:00.123Z")]
    [InlineData(1L, "2026-06-20T09:30:00.0000001Z")]
    public void Write_gives_published_in_utc_without_a_zero_fraction(long extraTicks, string expected)
    {
        // Arrange
        var published = new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc).AddTicks(extraTicks);

        // Act
        var file = StoryFileWriter.Write(StoryFileFormatTests.Story(published: published));

        // Assert
        Assert.Contains($"\npublished: {expected}\n", file);
    }

    [Fact]
    public void Write_takes_an_unspecified_date_as_utc_and_converts_a_local_one()
    {
        // Arrange
        var unspecified = new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Unspecified);
        var local = new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc).ToLocalTime();

        // Act
        var fromUnspecified = StoryFileWriter.Write(StoryFileFormatTests.Story(published: unspecified));
        var fromLocal = StoryFileWriter.Write(StoryFileFormatTests.Story(published: local));

        // Assert
        Assert.Contains("\npublished: 2026-06-20T09:30:00Z\n", fromUnspecified);
        Assert.Contains("\npublished: 2026-06-20T09:30:00Z\n", fromLocal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("1.0")]
    [InlineData("2026-01-01")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("- not a list")]
    public void Write_quotes_values_yaml_would_misread(string title)
    {
        // Act
        var file = StoryFileWriter.Write(StoryFileFormatTests.Story(title: title));

        // Assert
        Assert.Contains($"\ntitle: \"{title}\"\n", file);
    }

    [Fact]
    public void Write_quotes_list_items_holding_commas_or_brackets()
    {
        // Act
        var file = StoryFileWriter.Write(StoryFileFormatTests.Story(tags: ["Smith, Ana", "[x]", "plain"]));

        // Assert
        Assert.Contains("\ntags: [\"Smith, Ana\", \"[x]\", plain]\n", file);
    }

    [Fact]
    public void Write_replaces_a_lone_surrogate_so_the_file_stays_readable()
    {
        // Arrange
        var story = StoryFileFormatTests.Story(title: "Broken \uD800 text");

        // Act
        var parsed = StoryFileFormatTests.ParseOk(StoryFileWriter.Write(story));

        // Assert
        Assert.Equal("Broken \uFFFD text", parsed.Title);
    }

    [Fact]
    public void Write_normalises_body_line_ends_to_lf()
    {
        // Act
        var file = StoryFileWriter.Write(StoryFileFormatTests.Story(body: "a\r\nb\rc\n"));

        // Assert
        Assert.EndsWith("---\na\nb\nc\n", file);
    }

    [Fact]
    public void Write_drops_empty_and_duplicate_names_as_parse_does()
    {
        // Act
        var file = StoryFileWriter.Write(StoryFileFormatTests.Story(categories: ["City", " city ", "", "  ", "Transport"]));

        // Assert
        Assert.Contains("\ncategories: [City, Transport]\n", file);
    }

    // ---- Round trip ----

    public static TheoryData<string> TrickyValues() =>
    [
        "Plain words",
        "He said \"hello\"",
        "It's a 'quote'",
        "Colon: in the middle",
        "Ends with colon:",
        "a:b",
        "https://example.org/path?x=1&y=2#frag",
        "/images/photo.jpg",
        "# looks like a comment",
        "Hash # in the middle",
        "Hash#tight",
        "- leading dash",
        "-",
        "--- three dashes",
        "---",
        "...",
        "[bracketed]",
        "{braced}",
        "* star",
        "& ampersand",
        "! bang",
        "% percent",
        "@ at",
        "` backtick `",
        "| pipe",
        "> greater",
        "? question",
        ", comma first",
        "one, two, three",
        "a [b] {c}",
        "back\\slash \\n not a newline",
        "Café au lait",
        "東京の新しい路面電車",
        "Emoji 🚋 tram",
        "yes", "no", "Yes", "NO", "on", "off", "y", "n",
        "null", "Null", "NULL", "~",
        "true", "False",
        "1.0", "42", "-7", "+3", "0x1F", "1e5", ".inf", ".NaN", "0o17",
        "2026-01-01", "2026-06-20T09:30:00Z", "12:30:45",
        "<<",
        "&anchor",
        "*alias",
        "!!str tagged",
        "%YAML 1.2",
        "Two  spaces  inside",
        "Tab\tinside",
        "Line one\nLine two",
        "Blank line\n\nbetween",
        "Carriage\rreturn",
        "Control \u0001 char",
        "Line\u2028separator",
        "Next\u0085line",
        "Not\uFFFEa character",
        "No\u00A0break space",
        "Zero\u200Bwidth",
        "BOM\uFEFFinside",
        "Null\0char",
        "Quote \" and backslash \\ together",
        "'single quoted'",
        "\"double quoted\"",
        "Ends with backslash \\",
        "key: value # comment",
        "a'b\"c`d",
    ];

    [Theory]
    [MemberData(nameof(TrickyValues))]
    public void Any_value_round_trips_through_write_and_parse(string value)
    {
        // Arrange: values as Parse would give them, trimmed and with lists cleaned
        var trimmed = value.Trim();
        var original = new StoryFile(
            trimmed, trimmed, trimmed, trimmed, new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc),
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
