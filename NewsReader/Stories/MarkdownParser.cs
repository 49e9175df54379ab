using System.Diagnostics;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace NewsReader.Stories;

/// <summary>
/// The site's Markdown pipeline: which extensions a story may use, a parse that stops itself when
/// it runs out of time, and URLs checked before anything is rendered. Call it through
/// <see cref="MarkdigGuard"/>.
/// </summary>
internal static class MarkdownParser
{
    private static readonly object DeadlineKey = new();

    // A Markdig pipeline is safe to share between threads.
    private static readonly MarkdownPipeline Pipeline = CreatePipeline();

    /// <summary>Parses a story body; throws a TimeoutException once the parse has run for <paramref name="budget"/>.</summary>
    public static MarkdownDocument Parse(string text, TimeSpan budget)
    {
        var context = new MarkdownParserContext();
        context.Properties[DeadlineKey] = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        var document = Markdown.Parse(text, Pipeline, context);
        UnsafeUrls.Neutralise(document);
        HeadingIds.Assign(document);
        return document;
    }

    public static string ToHtml(MarkdownDocument document) => Markdown.ToHtml(document, Pipeline);

    private static MarkdownPipeline CreatePipeline()
    {
        // Listed one by one: UseAdvancedExtensions() would bring generic attributes ({onclick=...}),
        // and raw HTML stays off so that tags in a story are shown as text.
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseTaskLists()
            .UseFootnotes()
            .UseFigures();
        builder.BlockParsers.Insert(0, new DeadlineBlockParser());
        builder.InlineParsers.Insert(0, new DeadlineInlineParser());
        return builder.Build();
    }

    private static void CheckDeadline(MarkdownParserContext? context)
    {
        if (context is not null && context.Properties.TryGetValue(DeadlineKey, out var deadline)
            && Stopwatch.GetTimestamp() > (long)deadline)
        {
            throw new TimeoutException("The Markdown took too long to parse.");
        }
    }

    /// <summary>Opens no block; tried at the start of most lines, it stops a parse that ran out of time.</summary>
    private sealed class DeadlineBlockParser : BlockParser
    {
        public override bool CanInterrupt(BlockProcessor processor, Block block) => true;

        public override BlockState TryOpen(BlockProcessor processor)
        {
            CheckDeadline(processor.Context);
            return BlockState.None;
        }
    }

    /// <summary>Matches nothing; tried before each run of text, it stops a parse that ran out of time.</summary>
    private sealed class DeadlineInlineParser : InlineParser
    {
        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            CheckDeadline(processor.Context);
            return false;
        }
    }
}
