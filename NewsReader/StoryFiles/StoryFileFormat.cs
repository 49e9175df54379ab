using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using NewsReader.Stories;
using NewsReader.Data;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace NewsReader.StoryFiles;

/// <summary>Reads the story file format: YAML front matter between --- lines, then Markdown. <see cref="StoryFileWriter"/> writes it.</summary>
public static class StoryFileFormat
{
    private const int FrontMatterBytes = 64 * 1024;

    // A story needs two levels at most (a mapping holding lists); deeper nesting is only ever an attack.
    private const int MaxNesting = 8;

    // Generous: reading the front matter of a 1 MB file takes milliseconds.
    private static readonly TimeSpan SplitBudget = TimeSpan.FromSeconds(10);

    private static readonly MarkdownPipeline FrontMatterPipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static StoryFileParseResult Parse(string content)
    {
        if (Encoding.UTF8.GetByteCount(content) > StoryLimits.BodyBytes)
        {
            return StoryFileParseResult.Fail("the file is over 1 MB");
        }

        // Markdig and YAML both treat a lone CR as a line break, so it is normalised too, keeping the cut below exact.
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var (frontMatter, body, error) = Split(text);
        if (error is not null)
        {
            return StoryFileParseResult.Fail(error);
        }
        if (Encoding.UTF8.GetByteCount(frontMatter!) > FrontMatterBytes)
        {
            return StoryFileParseResult.Fail("the front matter is over 64 KB");
        }

        var (fields, yamlError) = ReadFields(frontMatter!);
        if (fields is null)
        {
            return StoryFileParseResult.Fail(yamlError!);
        }

        var errors = new List<string>();
        var title = StoryFileFields.Text(fields, "title", errors);
        if (title?.Length == 0)
        {
            errors.Add("missing title");
        }
        var slug = StoryFileFields.Text(fields, "slug", errors);
        var summary = StoryFileFields.Text(fields, "summary", errors);
        var authors = StoryFileFields.Authors(fields, errors);
        var published = StoryFileFields.Published(fields, errors);
        var categories = StoryFileFields.Names(fields, "categories", errors);
        var tags = StoryFileFields.Names(fields, "tags", errors);
        var image = StoryFileFields.Text(fields, "image", errors);
        if (errors.Count > 0)
        {
            return StoryFileParseResult.Fail(string.Join("; ", errors));
        }

        return StoryFileParseResult.Ok(new StoryFile(
            title!, NullIfEmpty(slug), summary!, authors, published, categories, tags, NullIfEmpty(image), body!));
    }

    private static (string? FrontMatter, string? Body, string? Error) Split(string text)
    {
        var lines = text.Split('\n', 3);
        if (lines[0].TrimEnd(' ', '\t') != "---")
        {
            return (null, null, "missing front matter (the file must start with a --- line)");
        }

        // Only the front matter matters here, so Markdig sees the text up to the first line that can
        // close it: a body nested thousands deep then cannot make the split fail (the body is
        // rendered later, with its own fallback). If that line does not close it, the whole text is read.
        if (!MarkdigGuard.TryRun(() => FrontMatterBlock(FrontMatterCandidate(text)) ?? FrontMatterBlock(text),
                SplitBudget, out var found, out var failure))
        {
            return (null, null, $"the front matter could not be read: {failure}");
        }
        if (found is not { } block)
        {
            // Markdig does not recognise a front matter with no lines at all.
            if (lines.Length > 1 && lines[1].TrimEnd(' ', '\t') is "---" or "...")
            {
                return ("", lines.Length > 2 ? lines[2] : "", null);
            }
            return (null, null, "front matter is not closed with a --- line");
        }

        // The block's span ends on the closing fence; trailing spaces after it belong to that line, not to the body.
        var frontMatterStart = lines[0].Length + 1;
        var closingLineStart = text.LastIndexOf('\n', block.Span.End) + 1;
        var frontMatter = text[frontMatterStart..closingLineStart];
        var closingLineEnd = text.IndexOf('\n', block.Span.End);
        var body = closingLineEnd < 0 ? "" : text[(closingLineEnd + 1)..];
        return (frontMatter, body, null);
    }

    private static YamlFrontMatterBlock? FrontMatterBlock(string text)
    {
        var document = Markdown.Parse(text, FrontMatterPipeline);
        return document.Count > 0 ? document[0] as YamlFrontMatterBlock : null;
    }

    /// <summary>The text up to and including the first "---" or "..." line after the opening one.</summary>
    private static string FrontMatterCandidate(string text)
    {
        var lineStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        while (lineStart > 0 && lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (line.TrimEnd(' ', '\t') is "---" or "...")
            {
                return lineEnd < 0 ? text : text[..(lineEnd + 1)];
            }
            lineStart = lineEnd + 1;
        }
        return text;
    }

    private static (Dictionary<string, YamlNode>? Fields, string? Error) ReadFields(string frontMatter)
    {
        YamlStream stream;
        try
        {
            var refusal = RefuseAliasesAndDeepNesting(frontMatter);
            if (refusal is not null)
            {
                return (null, refusal);
            }
            stream = new YamlStream();
            stream.Load(new StringReader(frontMatter));
        }
        catch (YamlException ex)
        {
            return (null, Unreadable(ex.Start, FirstLine(ex.Message)));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet throws these instead of a YamlException for a few malformed inputs; their messages mean nothing to an editor.
            return (null, "unreadable front matter: the YAML is malformed");
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        if (stream.Documents.Count == 0)
        {
            return (fields, null);
        }
        if (stream.Documents.Count > 1)
        {
            return (null, Unreadable(stream.Documents[1].RootNode.Start, "a second YAML document starts here"));
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            var root = stream.Documents[0].RootNode;
            var found = root is YamlSequenceNode ? "a list" : "a single value";
            return (null, Unreadable(root.Start, $"expected \"key: value\" lines, found {found}"));
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                continue;
            }
            if (!fields.TryAdd(key.Trim(), value))
            {
                return (null, Unreadable(keyNode.Start, $"Duplicate key {key}"));
            }
        }
        return (fields, null);
    }

    private static string? RefuseAliasesAndDeepNesting(string frontMatter)
    {
        var parser = new Parser(new StringReader(frontMatter));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    return Unreadable(alias.Start, $"aliases (*{alias.Value}) are not allowed");
                case SequenceStart or MappingStart:
                    if (++depth > MaxNesting)
                    {
                        return Unreadable(parser.Current.Start, "lists or mappings are nested too deeply");
                    }
                    break;
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }
        return null;
    }

    // Front matter starts on the file's second line, so YAML line numbers are one short.
    private static string Unreadable(Mark at, string message) => $"unreadable front matter: line {at.Line + 1}: {message}";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
