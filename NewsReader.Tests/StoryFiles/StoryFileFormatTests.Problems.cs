using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileFormatTests
{
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
}
