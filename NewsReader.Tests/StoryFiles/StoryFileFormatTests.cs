using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public class StoryFileFormatTests
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
        new(title, slug, summary, author, published, categories ?? [], tags ?? [], image, body);

    internal static void AssertSameStory(StoryFile expected, StoryFile actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Slug, actual.Slug);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Author, actual.Author);
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
        Assert.Equal("Ana Ferreira", story.Author);
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
        Assert.Equal("", story.Author);
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
        Assert.Equal("A", story.Author);
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
        Assert.Equal("a", story.Author);
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
        Assert.Equal("false", story.Author);
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

    // ---- Parse: categories and tags ----

    [Theory]
    [InlineData("categories: [City, Transport]")]
    [InlineData("categories:\n  - City\n  - Transport")]
    [InlineData("categories:\n- City\n- Transport")]
    [InlineData("categories: City, Transport")]
    [InlineData("categories: \"City,Transport\"")]
    [InlineData("categories: ['City', \"Transport\"]")]
    [InlineData("categories: [ City ,  Transport ]")]
    public void Categories_can_be_a_flow_list_a_block_list_or_a_comma_separated_string(string line)
    {
        // Act
        var story = ParseOk(File("title: T\n" + line));

        // Assert
        Assert.Equal(["City", "Transport"], story.Categories);
    }

    [Theory]
    [InlineData("tags: [trams, infrastructure]")]
    [InlineData("tags:\n  - trams\n  - infrastructure")]
    [InlineData("tags: trams, infrastructure")]
    public void Tags_accept_the_same_forms_as_categories(string line)
    {
        // Act
        var story = ParseOk(File("title: T\n" + line));

        // Assert
        Assert.Equal(["trams", "infrastructure"], story.Tags);
    }

    [Fact]
    public void A_single_category_name_is_a_list_of_one()
    {
        // Act
        var story = ParseOk(File("title: T\ncategories: City"));

        // Assert
        Assert.Equal(["City"], story.Categories);
    }

    [Fact]
    public void A_quoted_list_item_may_contain_a_comma()
    {
        // Act
        var story = ParseOk(File("title: T\ntags: [\"Smith, Ana\", plain]"));

        // Assert
        Assert.Equal(["Smith, Ana", "plain"], story.Tags);
    }

    [Theory]
    [InlineData("categories: [City, city, Transport, CITY, transport]")]
    [InlineData("categories: City, city, Transport, CITY, transport")]
    [InlineData("categories:\n  - City\n  - city\n  - Transport\n  - ' City '")]
    public void Duplicate_names_are_dropped_ignoring_case_keeping_the_first(string line)
    {
        // Act
        var story = ParseOk(File("title: T\n" + line));

        // Assert
        Assert.Equal(["City", "Transport"], story.Categories);
    }

    [Fact]
    public void Non_ascii_duplicates_are_dropped_ignoring_case()
    {
        // Act
        var story = ParseOk(File("title: T\ntags: [Café, CAFÉ, 東京, 東京]"));

        // Assert
        Assert.Equal(["Café", "東京"], story.Tags);
    }

    [Theory]
    [InlineData("categories: []")]
    [InlineData("categories:")]
    [InlineData("categories: ''")]
    [InlineData("categories: ' , ,, '")]
    [InlineData("categories: [null, ~, '', ' ']")]
    [InlineData("categories:\n  -\n  - ''")]
    public void Empty_names_are_dropped(string line)
    {
        // Act
        var story = ParseOk(File("title: T\n" + line));

        // Assert
        Assert.Empty(story.Categories);
    }

    // ---- Parse: the body ----

    [Fact]
    public void The_body_is_everything_after_the_closing_line_byte_for_byte()
    {
        // Arrange
        const string body = "# Heading\n\nText with trailing spaces   \n\t- indented\n\n\n";

        // Act
        var story = ParseOk(File("title: T", body));

        // Assert
        Assert.Equal(body, story.Body);
    }

    [Fact]
    public void A_body_containing_dash_lines_stays_intact()
    {
        // Arrange
        const string body = "Intro.\n\n---\n\nAfter the rule.\n\n---\ntitle: not front matter\n---\nEnd.\n";

        // Act
        var story = ParseOk(File("title: Rules", body));

        // Assert
        Assert.Equal("Rules", story.Title);
        Assert.Equal(body, story.Body);
    }

    [Fact]
    public void A_body_that_starts_with_blank_lines_keeps_them()
    {
        // Arrange
        const string body = "\n\n\nText after three blank lines.\n";

        // Act
        var story = ParseOk(File("title: T", body));

        // Assert
        Assert.Equal(body, story.Body);
    }

    [Fact]
    public void A_file_that_ends_at_the_closing_line_has_an_empty_body()
    {
        // Act
        var withNewline = ParseOk("---\ntitle: T\n---\n");
        var withoutNewline = ParseOk("---\ntitle: T\n---");

        // Assert
        Assert.Equal("", withNewline.Body);
        Assert.Equal("", withoutNewline.Body);
    }

    [Fact]
    public void A_body_without_a_final_newline_is_kept_as_is()
    {
        // Act
        var story = ParseOk("---\ntitle: T\n---\nNo newline at the end");

        // Assert
        Assert.Equal("No newline at the end", story.Body);
    }

    [Fact]
    public void Trailing_spaces_on_the_fence_lines_are_not_part_of_the_body()
    {
        // Act
        var story = ParseOk("---  \ntitle: T\n---   \nBody.\n");

        // Assert
        Assert.Equal("T", story.Title);
        Assert.Equal("Body.\n", story.Body);
    }

    [Fact]
    public void A_crlf_file_parses_like_the_lf_file_and_its_body_gets_lf_line_ends()
    {
        // Arrange
        var crlf = DesignExample.Replace("\n", "\r\n") + "Second paragraph.\r\n\r\n---\r\nAfter a rule.\r\n";
        var lf = DesignExample + "Second paragraph.\n\n---\nAfter a rule.\n";

        // Act
        var fromCrlf = ParseOk(crlf);
        var fromLf = ParseOk(lf);

        // Assert
        AssertSameStory(fromLf, fromCrlf);
        Assert.DoesNotContain('\r', fromCrlf.Body);
        Assert.Equal("Markdown body.\nSecond paragraph.\n\n---\nAfter a rule.\n", fromCrlf.Body);
    }

    [Fact]
    public void A_byte_order_mark_before_the_front_matter_is_ignored()
    {
        // Act
        var story = ParseOk("\uFEFF---\ntitle: T\n---\nBody.\n");

        // Assert
        Assert.Equal("T", story.Title);
        Assert.Equal("Body.\n", story.Body);
    }

    // ---- Parse: errors ----

    [Theory]
    [InlineData("")]
    [InlineData("Just Markdown.\n")]
    [InlineData("title: T\n---\nBody\n")]
    [InlineData("\n---\ntitle: T\n---\nBody\n")]
    [InlineData(" ---\ntitle: T\n---\nBody\n")]
    [InlineData("----\ntitle: T\n---\nBody\n")]
    [InlineData("--- title: T\n---\nBody\n")]
    [InlineData("# Heading\n\n---\ntitle: T\n---\n")]
    public void A_file_that_does_not_start_with_a_dash_line_has_missing_front_matter(string content)
    {
        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("missing front matter (the file must start with a --- line)", error);
    }

    [Theory]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\ntitle: T\n")]
    [InlineData("---\ntitle: T\nBody without a closing line.\n")]
    [InlineData("---\ntitle: T\n ---\nBody\n")]
    [InlineData("---\ntitle: T\n----\nBody\n")]
    public void Front_matter_without_a_closing_dash_line_is_reported(string content)
    {
        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("front matter is not closed with a --- line", error);
    }

    [Theory]
    [InlineData("---\n---\nBody\n")]
    [InlineData("---\n\n---\nBody\n")]
    [InlineData("---\n# only a comment\n---\nBody\n")]
    [InlineData("---\ntitle:\n---\nBody\n")]
    [InlineData("---\ntitle: ''\n---\nBody\n")]
    [InlineData("---\ntitle: '   '\n---\nBody\n")]
    [InlineData("---\ntitle: null\n---\nBody\n")]
    [InlineData("---\ntitle: ~\n---\nBody\n")]
    [InlineData("---\nsummary: No title here\n---\nBody\n")]
    public void A_missing_or_empty_title_is_reported(string content)
    {
        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("missing title", error);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("June 20 2026")]
    [InlineData("20/06/2026")]
    [InlineData("2026-6-20")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-06-20T25:00:00Z")]
    [InlineData("2026-06-20T09:30:00+25:00")]
    [InlineData("1717000000")]
    public void A_date_that_is_not_iso_8601_is_reported_with_its_value(string value)
    {
        // Act
        var error = ParseError(File("title: T\npublished: " + value));

        // Assert
        Assert.Equal($"bad date in published: \"{value}\" (use ISO 8601, e.g. 2026-06-20T09:30:00Z)", error);
    }

    [Fact]
    public void A_list_as_published_date_is_a_bad_date()
    {
        // Act
        var error = ParseError(File("title: T\npublished: [2026-06-20]"));

        // Assert
        Assert.StartsWith("bad date in published: \"", error);
        Assert.EndsWith("(use ISO 8601, e.g. 2026-06-20T09:30:00Z)", error);
    }

    [Theory]
    [InlineData("categories: {City: yes}")]
    [InlineData("categories:\n  City: yes")]
    [InlineData("categories: [City, [Nested]]")]
    [InlineData("categories:\n  - City\n  - {a: b}")]
    public void Categories_that_are_not_a_list_of_names_are_reported(string line)
    {
        // Act
        var error = ParseError(File("title: T\n" + line));

        // Assert
        Assert.Equal("categories must be a list of names", error);
    }

    [Fact]
    public void Tags_that_are_not_a_list_of_names_are_reported()
    {
        // Act
        var error = ParseError(File("title: T\ntags: {a: b}"));

        // Assert
        Assert.Equal("tags must be a list of names", error);
    }

    [Fact]
    public void A_title_that_is_a_list_is_reported()
    {
        // Act
        var error = ParseError(File("title: [a, b]"));

        // Assert
        Assert.Equal("title must be text, not a list", error);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        // Act
        var error = ParseError(File("summary: S\npublished: soon\ntags: {a: b}"));

        // Assert
        Assert.Equal(
            "missing title; bad date in published: \"soon\" (use ISO 8601, e.g. 2026-06-20T09:30:00Z); tags must be a list of names",
            error);
    }

    [Theory]
    [InlineData("title: a: b", 2)]
    [InlineData("title: \"unclosed", 2)]
    [InlineData("title: T\ncategories: [a, b", 4)]
    [InlineData("title: T\n  bad: indent", 3)]
    [InlineData("title: T\ntitle: again", 3)]
    [InlineData("title: T\nTitle: again", 3)]
    [InlineData("title: T\n--- second document", 3)]
    public void Yaml_that_cannot_be_read_is_reported_with_a_line_number(string frontMatter, int line)
    {
        // Act
        var error = ParseError(File(frontMatter));

        // Assert
        Assert.StartsWith($"unreadable front matter: line {line}: ", error);
        Assert.DoesNotContain("\n", error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public void Yaml_the_library_chokes_on_internally_is_reported_as_malformed()
    {
        // Act: an escape beyond the last Unicode code point
        var error = ParseError(File("title: \"\\UFFFFFFFF\""));

        // Assert
        Assert.Equal("unreadable front matter: the YAML is malformed", error);
    }

    [Theory]
    [InlineData("just a sentence")]
    [InlineData("- a\n- b")]
    [InlineData("[a, b]")]
    [InlineData("'quoted'")]
    public void Front_matter_that_is_not_key_value_lines_is_unreadable(string frontMatter)
    {
        // Act
        var error = ParseError(File(frontMatter));

        // Assert
        Assert.StartsWith("unreadable front matter: line 2: expected \"key: value\" lines, found ", error);
    }

    [Fact]
    public void Yaml_aliases_are_refused()
    {
        // Arrange
        var content = File("title: T\nbase: &tags [a, b]\ntags: *tags");

        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("unreadable front matter: line 4: aliases (*tags) are not allowed", error);
    }

    [Fact]
    public void A_yaml_bomb_is_refused_quickly()
    {
        // Arrange
        var bomb = new StringBuilder("title: T\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 20; i++)
        {
            var previous = $"*a{i - 1}";
            bomb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        // Act
        var error = ParseError(File(bomb.ToString()));

        // Assert
        Assert.StartsWith("unreadable front matter: line 4: aliases (*a0) are not allowed", error);
    }

    [Fact]
    public void Deeply_nested_front_matter_is_refused()
    {
        // Arrange
        var content = File("title: T\nextra: " + new string('[', 5000) + new string(']', 5000));

        // Act
        var error = ParseError(content);

        // Assert
        Assert.StartsWith("unreadable front matter: line 3: ", error);
        Assert.Contains("nested too deeply", error);
    }

    [Fact]
    public void Front_matter_over_64_kb_is_refused()
    {
        // Arrange
        var content = File("title: T\nsummary: " + new string('x', 64 * 1024));

        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("the front matter is over 64 KB", error);
    }

    [Fact]
    public void A_file_over_1_mb_is_refused()
    {
        // Arrange
        var content = File("title: T", new string('x', 1024 * 1024));

        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("the file is over 1 MB", error);
    }

    [Fact]
    public void The_1_mb_limit_counts_utf8_bytes_not_characters()
    {
        // Arrange: 400 000 characters of three bytes each are about 1.2 MB
        var content = File("title: T", new string('東', 400_000));

        // Act
        var error = ParseError(content);

        // Assert
        Assert.Equal("the file is over 1 MB", error);
    }

    [Fact]
    public void A_file_of_just_under_1_mb_is_read()
    {
        // Arrange
        var head = "---\ntitle: T\n---\n";
        var content = head + new string('x', 1024 * 1024 - head.Length);

        // Act
        var story = ParseOk(content);

        // Assert
        Assert.Equal(1024 * 1024 - head.Length, story.Body.Length);
    }

    [Fact]
    public void Parse_never_throws_on_random_front_matter()
    {
        // Arrange
        var random = new Random(20260620);
        const string alphabet = "ab:-[]{},#&*!|>'\"%@`? \n\t~\\0x.";

        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(1, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            // Act
            var result = StoryFileFormat.Parse(File(new string(chars)));

            // Assert
            Assert.True(result.Succeeded != (result.Error is not null));
            if (result.Error is { } error)
            {
                Assert.DoesNotContain("\n", error);
            }
        }
    }
}
