using System.Text;
using NewsReader.StoryFiles;

namespace NewsReader.Tests.StoryFiles;

public partial class StoryFileFormatTests
{
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
