using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace NewsReader.Feeds;

/// <summary>What a feed is of: the whole site, or one section of it (a category, a tag).</summary>
public sealed record FeedChannel(string Title, string Description, Uri PageUri);

/// <summary>Builds the RSS 2.0 and Atom 1.0 documents of the newest stories.</summary>
public static class FeedDocuments
{
    public const string SiteTitle = "NewsReader";
    public const string SiteDescription = "Stories from the towns and people around us.";

    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    /// <summary>
    /// RSS 2.0. RSS's own &lt;author&gt; must be an e-mail address, so the author's name goes in
    /// dc:creator, as feed readers expect; the full body goes in content:encoded next to the
    /// summary in &lt;description&gt;.
    /// </summary>
    public static byte[] Rss(IReadOnlyList<FeedStory> stories, Uri siteUri, Uri feedUri, FeedChannel? channel = null)
    {
        var feed = Feed(stories, siteUri, feedUri, channel, "application/rss+xml", item =>
        {
            if (!string.IsNullOrWhiteSpace(item.Story.Author))
            {
                item.ElementExtensions.Add(Extension(DublinCoreNamespace, "creator", item.Story.Author));
            }
            item.ElementExtensions.Add(Extension(ContentNamespace, "encoded", item.Story.ContentHtml));
        }, includeAuthors: false);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XmlnsNamespace), ContentNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", XmlnsNamespace), DublinCoreNamespace);
        return Write(new Rss20FeedFormatter(feed));
    }

    /// <summary>Atom 1.0, with the full body as HTML content and the summary as text.</summary>
    public static byte[] Atom(IReadOnlyList<FeedStory> stories, Uri siteUri, Uri feedUri)
    {
        var feed = Feed(stories, siteUri, feedUri, null, "application/atom+xml", item => item.Content = new TextSyndicationContent(
            XmlText.Clean(item.Story.ContentHtml), TextSyndicationContentKind.Html), includeAuthors: true);
        return Write(new Atom10FeedFormatter(feed));
    }

    private sealed class StoryItem(FeedStory story) : SyndicationItem
    {
        public FeedStory Story { get; } = story;
    }

    private static SyndicationFeed Feed(
        IReadOnlyList<FeedStory> stories, Uri siteUri, Uri feedUri, FeedChannel? channel, string feedMediaType, Action<StoryItem> complete,
        bool includeAuthors)
    {
        var items = new List<SyndicationItem>();
        foreach (var story in stories)
        {
            var link = new Uri(siteUri, $"articles/{Uri.EscapeDataString(story.Slug)}");
            var item = new StoryItem(story)
            {
                Id = link.AbsoluteUri,
                Title = new TextSyndicationContent(XmlText.Clean(story.Title)),
                PublishDate = new DateTimeOffset(story.PublishedAt, TimeSpan.Zero),
                LastUpdatedTime = new DateTimeOffset(story.UpdatedAt > story.PublishedAt ? story.UpdatedAt : story.PublishedAt, TimeSpan.Zero),
            };
            item.Links.Add(SyndicationLink.CreateAlternateLink(link, "text/html"));
            if (!string.IsNullOrWhiteSpace(story.Summary))
            {
                item.Summary = new TextSyndicationContent(XmlText.Clean(story.Summary));
            }
            if (includeAuthors && !string.IsNullOrWhiteSpace(story.Author))
            {
                item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(story.Author) });
            }
            foreach (var category in story.Categories)
            {
                item.Categories.Add(new SyndicationCategory(XmlText.Clean(category)));
            }
            complete(item);
            items.Add(item);
        }

        channel ??= new FeedChannel(SiteTitle, SiteDescription, siteUri);
        var feed = new SyndicationFeed(XmlText.Clean(channel.Title), XmlText.Clean(channel.Description), channel.PageUri, channel.PageUri.AbsoluteUri,
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, items)
        {
            Language = "en",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(feedUri, feedMediaType));
        return feed;
    }

    // Written by name and namespace, so the writer uses the prefix the channel declares
    // (content:encoded, dc:creator).
    private static SyndicationElementExtension Extension(string ns, string name, string text) =>
        new(name, ns, XmlText.Clean(text));

    private static byte[] Write(SyndicationFeedFormatter formatter)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            formatter.WriteTo(writer);
        }
        return buffer.ToArray();
    }
}
