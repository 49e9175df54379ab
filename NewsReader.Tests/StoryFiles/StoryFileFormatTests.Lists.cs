using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileFormatTests
{
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
}
