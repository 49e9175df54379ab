using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileFormatTests
{
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
}
