using System.Globalization;
using System.Text;

namespace NewsReader.StoryFiles;

/// <summary>
/// Writes a story as a story file that <see cref="StoryFileFormat.Parse"/> reads back to the same
/// story: every value that YAML could read as anything but text is quoted.
/// </summary>
public static class StoryFileWriter
{
    // Plain scalars YAML (1.1 or 1.2) would read as null or a boolean rather than as text.
    private static readonly HashSet<string> YamlWords =
        new(["null", "true", "false", "yes", "no", "on", "off", "y", "n"], StringComparer.OrdinalIgnoreCase);

    public static string Write(StoryFile story)
    {
        var file = new StringBuilder("---\n");
        file.Append("title: ").Append(Scalar(story.Title.Trim(), inList: false)).Append('\n');
        AppendIfSet(file, "slug", story.Slug);
        AppendIfSet(file, "summary", story.Summary);
        // One author stays a plain value, so files written before authors had pages read back unchanged.
        var authors = Authors.AuthorNames.Clean(story.Authors);
        if (authors.Count == 1)
        {
            AppendIfSet(file, "author", authors[0]);
        }
        else if (authors.Count > 1)
        {
            file.Append("author: [").Append(string.Join(", ", authors.Select(name => Scalar(name, inList: true)))).Append("]\n");
        }
        if (story.Published is { } published)
        {
            file.Append("published: ").Append(FormatDate(published)).Append('\n');
        }
        file.Append("categories: ").Append(FlowList(story.Categories)).Append('\n');
        file.Append("tags: ").Append(FlowList(story.Tags)).Append('\n');
        AppendIfSet(file, "image", story.Image);
        file.Append("---\n");
        file.Append(story.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        return file.ToString();
    }

    private static void AppendIfSet(StringBuilder file, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            file.Append(key).Append(": ").Append(Scalar(value.Trim(), inList: false)).Append('\n');
        }
    }

    private static string FormatDate(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private static string FlowList(IEnumerable<string> names) =>
        "[" + string.Join(", ", StoryFile.CleanNames(names).Select(name => Scalar(name, inList: true))) + "]";

    private static string Scalar(string value, bool inList) => CanBePlain(value, inList) ? value : DoubleQuoted(value);

    // Deliberately strict: anything that might mean something to YAML other than text is quoted instead.
    private static bool CanBePlain(string value, bool inList)
    {
        if (value.Length == 0 || !(char.IsLetter(value[0]) || value[0] == '/') || YamlWords.Contains(value))
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var safe = c switch
            {
                ' ' => i + 1 < value.Length && value[i + 1] != ' ',
                '.' or '\'' or '-' or '_' or '/' or '(' or ')' or '!' or '?' or '&' or '+' or '=' or ';' or '%' or '@' or '~' => true,
                ',' => !inList,
                ':' => !inList && i + 1 < value.Length && value[i + 1] is not (' ' or '\t'),
                _ when c < 128 => char.IsAsciiLetterOrDigit(c),
                _ => char.IsLetterOrDigit(c) || char.IsPunctuation(c),
            };
            if (!safe)
            {
                return false;
            }
        }
        return true;
    }

    private static string DoubleQuoted(string value)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsSurrogatePair(value, i))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate cannot be stored in UTF-8 and YAML refuses it escaped; this is what a UTF-8 writer would do.
                        quoted.Append('\uFFFD');
                    }
                    else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF')
                    {
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        quoted.Append(c);
                    }
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }
}
