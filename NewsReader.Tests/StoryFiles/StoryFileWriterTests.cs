using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

/// <summary>Writing story files, and files that survive being read and written again unchanged.</summary>
public partial class StoryFileWriterTests
{
    // ---- Write ----

    [Fact]
    public void Write_produces_the_design_layout()
    {
        // Arrange
        var story = new StoryFile(
            "Tram line 4 opens to passengers", "tram-line-4-opens", "One or two sentences for lists and feeds.",
            ["Ana Ferreira"], new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc), ["City", "Transport"],
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
}
