using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileFormatTests
{
    internal const string DesignExample = """
        ---
        title: Tram line 4 opens to passengers          # required
        slug: tram-line-4-opens                         # optional: derived from the title
        summary: One or two sentences for lists and feeds.
        author: Ana Ferreira
        published: 2026-06-20T09:30:00Z                 # absent: draft; in the future: scheduled
        categories: [City, Transport]
        tags: [trams, infrastructure]
        image: https://example.org/tram.jpg             # optional lead image
        ---
        Markdown body.

        """;

    internal static StoryFile ParseOk(string content)
    {
        var result = StoryFileFormat.Parse(content);
        Assert.True(result.Succeeded, $"expected success, got: {result.Error}");
        Assert.Null(result.Error);
        return result.Story!;
    }

    private static string ParseError(string content)
    {
        var result = StoryFileFormat.Parse(content);
        Assert.False(result.Succeeded, "expected a failure");
        Assert.Null(result.Story);
        return result.Error!;
    }

    private static string File(string frontMatter, string body = "Body.\n") => "---\n" + frontMatter + "\n---\n" + body;

    internal static StoryFile Story(
        string title = "A title",
        string? slug = null,
        string summary = "",
        string author = "",
        DateTime? published = null,
        IReadOnlyList<string>? categories = null,
        IReadOnlyList<string>? tags = null,
        string? image = null,
        string body = "Body.\n") =>
        new(title, slug, summary, author.Length == 0 ? [] : [author], published, categories ?? [], tags ?? [], image, body);

    internal static void AssertSameStory(StoryFile expected, StoryFile actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Slug, actual.Slug);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.Published?.Kind, actual.Published?.Kind);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Image, actual.Image);
        Assert.Equal(expected.Body, actual.Body);
    }

    // ---- Parse: the happy path ----

    [Fact]
    public void The_design_example_parses_to_its_values()
    {
        // Act
        var story = ParseOk(DesignExample);

        // Assert
        Assert.Equal("Tram line 4 opens to passengers", story.Title);
        Assert.Equal("tram-line-4-opens", story.Slug);
        Assert.Equal("One or two sentences for lists and feeds.", story.Summary);
        Assert.Equal(["Ana Ferreira"], story.Authors);
        Assert.Equal(new DateTime(2026, 6, 20, 9, 30, 0, DateTimeKind.Utc), story.Published);
        Assert.Equal(DateTimeKind.Utc, story.Published!.Value.Kind);
        Assert.Equal(["City", "Transport"], story.Categories);
        Assert.Equal(["trams", "infrastructure"], story.Tags);
        Assert.Equal("https://example.org/tram.jpg", story.Image);
        Assert.Equal("Markdown body.\n", story.Body);
    }

    [Fact]
    public void A_file_with_only_a_title_gives_empty_defaults()
    {
        // Act
        var story = ParseOk(File("title: Just a title"));

        // Assert
        Assert.Equal("Just a title", story.Title);
        Assert.Null(story.Slug);
        Assert.Equal("", story.Summary);
        Assert.Empty(story.Authors);
        Assert.Null(story.Published);
        Assert.Empty(story.Categories);
        Assert.Empty(story.Tags);
        Assert.Null(story.Image);
    }

    [Fact]
    public void A_file_without_published_is_a_draft()
    {
        // Arrange
        var content = File("title: Draft story\nauthor: Ana");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Null(story.Published);
    }

    [Theory]
    [InlineData("published:")]
    [InlineData("published: \"\"")]
    [InlineData("published: '  '")]
    [InlineData("published: null")]
    [InlineData("published: ~")]
    public void An_empty_or_null_published_value_means_a_draft(string line)
    {
        // Act
        var story = ParseOk(File("title: Draft\n" + line));

        // Assert
        Assert.Null(story.Published);
    }

    [Fact]
    public void A_future_date_is_kept_as_given_so_the_story_can_be_scheduled()
    {
        // Arrange
        var content = File("title: Later\npublished: 2099-01-02T03:04:05Z");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal(new DateTime(2099, 1, 2, 3, 4, 5, DateTimeKind.Utc), story.Published);
        Assert.Equal(DateTimeKind.Utc, story.Published!.Value.Kind);
    }

    [Theory]
    [InlineData("2026-06-20T11:30:00+02:00", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20T04:30:00-05:00", "2026-06-20T09:30:00")]
    [InlineData("2026-06-21T01:00:00+14:00", "2026-06-20T11:00:00")]
    [InlineData("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00")]
    [InlineData("2026-06-20T09:30:00+0000", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20T09:30:00Z", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20T09:30:00", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20T09:30", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20 09:30:00Z", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20", "2026-06-20T00:00:00")]
    [InlineData("\"2026-06-20T11:30:00+02:00\"", "2026-06-20T09:30:00")]
    [InlineData("2026-06-20T09:30:00.1234567Z", "2026-06-20T09:30:00.1234567")]
    public void Published_dates_are_converted_to_utc_and_those_without_an_offset_are_taken_as_utc(string value, string expectedUtc)
    {
        // Arrange
        var expected = DateTime.SpecifyKind(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        // Act
        var story = ParseOk(File("title: Dated\npublished: " + value));

        // Assert
        Assert.Equal(expected, story.Published);
        Assert.Equal(DateTimeKind.Utc, story.Published!.Value.Kind);
    }

    [Fact]
    public void Unknown_keys_are_ignored()
    {
        // Arrange
        var content = File("title: Known\nlayout: wide\nextra: [1, 2, {a: b}]\nnested:\n  deep: value");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal("Known", story.Title);
    }

    [Fact]
    public void Keys_are_case_insensitive()
    {
        // Arrange
        var content = File("Title: Upper\nSLUG: upper\nSummary: S\nAuthor: A\nPublished: 2026-06-20\nCategories: [C]\nTAGS: [t]\nImage: /i.png");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal("Upper", story.Title);
        Assert.Equal("upper", story.Slug);
        Assert.Equal("S", story.Summary);
        Assert.Equal(["A"], story.Authors);
        Assert.Equal(new DateTime(2026, 6, 20, 0, 0, 0, DateTimeKind.Utc), story.Published);
        Assert.Equal(["C"], story.Categories);
        Assert.Equal(["t"], story.Tags);
        Assert.Equal("/i.png", story.Image);
    }

    [Fact]
    public void Values_are_trimmed_and_empty_optional_values_become_null()
    {
        // Arrange
        var content = File("title: '  Padded  '\nslug: '   '\nsummary: ' s '\nauthor: \" a \"\nimage: ''");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal("Padded", story.Title);
        Assert.Null(story.Slug);
        Assert.Equal("s", story.Summary);
        Assert.Equal(["a"], story.Authors);
        Assert.Null(story.Image);
    }

    [Fact]
    public void Yaml_words_are_read_as_text_not_retyped()
    {
        // Arrange
        var content = File("title: yes\nsummary: 1.0\nauthor: false\nslug: 2026-01-01\ncategories: [no, on, 3]");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal("yes", story.Title);
        Assert.Equal("1.0", story.Summary);
        Assert.Equal(["false"], story.Authors);
        Assert.Equal("2026-01-01", story.Slug);
        Assert.Equal(["no", "on", "3"], story.Categories);
    }

    [Fact]
    public void A_multi_line_summary_in_block_style_is_read()
    {
        // Arrange
        var content = File("title: T\nsummary: |\n  First line.\n  Second line.");

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal("First line.\nSecond line.", story.Summary);
    }
}
