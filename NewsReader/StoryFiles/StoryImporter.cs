using NewsReader.Stories;
using NewsReader.Data;

namespace NewsReader.StoryFiles;

public sealed record ImportFailure(string FileName, string Reason);

/// <param name="KeptPublished">Files without a publish date whose story was already published or scheduled, and stays so.</param>
public sealed record ImportReport(
    int Imported, int Updated, int Unchanged, IReadOnlyList<ImportFailure> Failures, IReadOnlyList<string> KeptPublished)
{
    public string Summary => $"{Imported} imported, {Updated} updated, {Failures.Count} failed, {Unchanged} unchanged"
        + (Updated == 0 ? "" : $"; {Updated} {(Updated == 1 ? "story" : "stories")} changed, previous versions kept as revisions");
}

/// <summary>
/// Imports a folder of story files, inserting or updating by slug; a bad file is skipped with its
/// reason. An update keeps the story's previous version as a revision, and a file without
/// <c>published:</c> leaves a published or scheduled story as it is (unpublishing is the editor's job).
/// </summary>
public sealed class StoryImporter(StoryWriter stories, StoryChanges changes, ILogger<StoryImporter> logger)
{
    public async Task<ImportReport> ImportFolderAsync(
        string folder, CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder not found: {folder}");
        }

        int imported = 0, updated = 0, unchanged = 0;
        var failures = new List<ImportFailure>();
        var keptPublished = new List<string>();
        var slugsSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var changedIds = new List<int>();
        var paths = Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < paths.Count; i++)
        {
            progress?.Report((i, paths.Count));
            var path = paths[i];
            var fileName = Path.GetFileName(path);
            var (input, error) = await ReadAsync(path, cancellationToken);
            if (input is not null && slugsSeen.TryGetValue(input.EffectiveSlug, out var firstFile))
            {
                error = $"slug \"{input.EffectiveSlug}\" is already used by {firstFile}";
                input = null;
            }
            if (input is null)
            {
                failures.Add(new ImportFailure(fileName, error!));
                logger.LogWarning("Skipped story file {File}: {Reason}", fileName, error);
                continue;
            }

            slugsSeen[input.EffectiveSlug] = fileName;
            var result = await stories.UpsertBySlugAsync(input, keepPublishDate: true, cancellationToken);
            if (result.KeptPublishDate)
            {
                keptPublished.Add(fileName);
            }
            switch (result.Outcome)
            {
                case UpsertOutcome.Inserted: imported++; break;
                case UpsertOutcome.Updated: updated++; break;
                default: unchanged++; break;
            }
            if (result.Outcome != UpsertOutcome.Unchanged)
            {
                changedIds.Add(result.StoryId);
            }
        }
        progress?.Report((paths.Count, paths.Count));

        await changes.NotifyAsync(changedIds, cancellationToken);
        return new ImportReport(imported, updated, unchanged, failures, keptPublished);
    }

    private static async Task<(StoryInput? Input, string? Error)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length > StoryLimits.BodyBytes)
        {
            return (null, "the file is over 1 MB");
        }

        string content;
        try
        {
            content = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (IOException ex)
        {
            return (null, $"the file could not be read ({ex.Message})");
        }

        StoryFileParseResult parsed;
        try
        {
            parsed = StoryFileFormat.Parse(content);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One file the parsers choke on is reported like any other bad file; the rest still import.
            return (null, $"the file could not be read ({ex.GetType().Name})");
        }
        if (parsed.Story is not { } story)
        {
            return (null, parsed.Error);
        }

        var input = new StoryInput(story.Title, story.Slug, story.Summary, story.Authors, story.Body, story.Image,
            story.Published, story.Categories, story.Tags);
        var errors = input.Validate();
        return errors.Count > 0 ? (null, ValidationError.Join(errors)) : (input, null);
    }
}
