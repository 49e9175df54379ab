namespace NewsReader.Tests.Support;

/// <summary>
/// Stories written with plain SQL into a database migrated only part of the way, where the current
/// model (which no longer has every old column, such as the free-text Author) cannot insert them.
/// </summary>
public static class OldSchemaStories
{
    /// <summary>Inserts a published story into Articles as it was before the Authors migration; returns its id.</summary>
    public static async Task<int> InsertAsync(string databasePath, string slug, string author = "", string? title = null)
    {
        var quoted = (string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        await TestDatabase.ExecuteAsync(databasePath, $"""
            INSERT INTO Articles (Title, Slug, Summary, Author, Body, BodyHtml, WordCount, CjkCharacterCount, ImageCount,
                CreatedAt, UpdatedAt, PublishedAt, Version)
            VALUES ({quoted(title ?? slug)}, {quoted(slug)}, '', {quoted(author)}, 'Body words.', '<p>Body words.</p>', 2, 0, 0,
                '2026-01-01 09:00:00', '2026-01-01 09:00:00', '2026-01-01 09:00:00', '{Guid.NewGuid().ToString().ToUpperInvariant()}')
            """);
        return (int)await TestDatabase.ScalarAsync(databasePath, $"SELECT Id FROM Articles WHERE Slug = {quoted(slug)}");
    }
}
