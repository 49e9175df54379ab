using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.StoryFiles;

/// <summary>Writes every story, drafts included, as a story file named after its slug.</summary>
public sealed class StoryExporter(IDbContextFactory<NewsDbContext> dbFactory)
{
    public async Task<int> ExportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stories = db.Stories.AsNoTracking()
            .OrderBy(a => a.Id)
            .Select(a => new StoryFile(
                a.Title, a.Slug, a.Summary,
                a.Authors.OrderBy(l => l.Position).Select(l => l.Author!.Name).ToList(),
                a.PublishedAt,
                a.Categories.OrderBy(c => c.Position).Select(c => c.Category!.Name).ToList(),
                a.Tags.OrderBy(t => t.Position).Select(t => t.Tag!.Name).ToList(),
                a.LeadImage, a.Body))
            .AsSplitQuery()
            .AsAsyncEnumerable();

        var count = 0;
        await foreach (var story in stories.WithCancellation(cancellationToken))
        {
            var path = Path.Combine(folder, story.Slug + ".md");
            await File.WriteAllTextAsync(path, StoryFileWriter.Write(story), cancellationToken);
            count++;
        }
        return count;
    }
}
