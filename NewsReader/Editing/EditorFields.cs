namespace NewsReader.Editing;

/// <summary>The editor's fields, for putting each validation message next to the field it is about.</summary>
public enum EditorField
{
    Form,
    Title,
    Slug,
    Summary,
    Author,
    Categories,
    Tags,
    LeadImage,
    Body,
    PublishAt,
}

public static class EditorValidation
{
    /// <summary>
    /// Groups <see cref="NewsReader.Articles.ArticleInput.Validate"/>'s messages by field. Messages
    /// start with the field's name, except those about one category or tag name, which quote it.
    /// </summary>
    public static Dictionary<EditorField, string> ByField(IEnumerable<string> errors, StoryDraft draft)
    {
        var fields = new Dictionary<EditorField, string>();
        foreach (var error in errors)
        {
            var field = FieldOf(error, draft);
            fields[field] = fields.TryGetValue(field, out var earlier) ? $"{earlier} {error}" : error;
        }
        return fields;
    }

    private static EditorField FieldOf(string error, StoryDraft draft)
    {
        foreach (var (prefix, field) in Prefixes)
        {
            if (error.StartsWith(prefix, StringComparison.Ordinal))
            {
                return field;
            }
        }
        if (error.StartsWith('"'))
        {
            return StoryDraft.SplitTerms(draft.Categories).Any(name => error.StartsWith($"\"{Quoted(name)}", StringComparison.Ordinal))
                ? EditorField.Categories
                : EditorField.Tags;
        }
        return EditorField.Form;
    }

    private static string Quoted(string name) => name.Length <= 40 ? name + "\"" : name[..40];

    private static readonly (string Prefix, EditorField Field)[] Prefixes =
    [
        ("Title", EditorField.Title),
        ("Slug", EditorField.Slug),
        ("Summary", EditorField.Summary),
        ("Author", EditorField.Author),
        ("Body", EditorField.Body),
        ("Lead image", EditorField.LeadImage),
        ("Choose a date", EditorField.PublishAt),
    ];
}
