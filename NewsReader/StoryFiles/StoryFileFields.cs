using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsReader.StoryFiles;

/// <summary>
/// Typed values of a story file's front matter: text, a publish date, lists of names. Each
/// problem goes into the error list in words an editor can act on.
/// </summary>
internal static class StoryFileFields
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The trimmed text of a field, "" when absent or null, or null (with an error) when it is not text.</summary>
    public static string? Text(Dictionary<string, YamlNode> fields, string key, List<string> errors)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return "";
        }
        if (node is not YamlScalarNode scalar)
        {
            errors.Add($"{key} must be text, not a list");
            return null;
        }
        return IsNull(scalar) ? "" : scalar.Value!.Trim();
    }

    /// <summary>The publish date in UTC; null when absent, or (with an error) when it is not an ISO 8601 date.</summary>
    public static DateTime? Published(Dictionary<string, YamlNode> fields, List<string> errors)
    {
        if (!fields.TryGetValue("published", out var node) || node is YamlScalarNode scalar && IsNull(scalar))
        {
            return null;
        }

        var value = node is YamlScalarNode { Value: { } text } ? text.Trim() : node.ToString();
        if (value.Length == 0)
        {
            return null;
        }
        if (node is YamlScalarNode && DateTime.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var published))
        {
            return published;
        }
        errors.Add($"bad date in published: \"{value}\" (use ISO 8601, e.g. 2026-06-20T09:30:00Z)");
        return null;
    }

    /// <summary>A list of category or tag names, written as a YAML list or comma-separated; empty when absent.</summary>
    public static List<string> Names(Dictionary<string, YamlNode> fields, string key, List<string> errors)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return [];
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : StoryFile.CleanNames(scalar.Value!.Split(','));
            case YamlSequenceNode sequence when sequence.All(item => item is YamlScalarNode):
                return StoryFile.CleanNames(sequence.Cast<YamlScalarNode>().Where(item => !IsNull(item)).Select(item => item.Value!));
            default:
                errors.Add($"{key} must be a list of names");
                return [];
        }
    }

    /// <summary>
    /// The authors: one name as plain text (commas and all: "Ana Ferreira, City Desk" is one
    /// byline), or several as a YAML list; empty when absent.
    /// </summary>
    public static List<string> Authors(Dictionary<string, YamlNode> fields, List<string> errors)
    {
        if (!fields.TryGetValue("author", out var node))
        {
            return [];
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? [] : NewsReader.Authors.AuthorNames.Clean([scalar.Value!]);
            case YamlSequenceNode sequence when sequence.All(item => item is YamlScalarNode):
                return NewsReader.Authors.AuthorNames.Clean(sequence.Cast<YamlScalarNode>().Where(item => !IsNull(item)).Select(item => item.Value!));
            default:
                errors.Add("author must be a name or a list of names");
                return [];
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
