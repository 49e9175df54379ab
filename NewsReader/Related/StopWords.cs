namespace NewsReader.Related;

/// <summary>
/// Words that say nothing about what a story is about: English function words plus the small
/// change of news writing ("said", "year", "new"). They are dropped before weighting.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "almost", "along", "already", "also", "although",
        "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as", "at",
        "back", "be", "became", "because", "become", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
        "enough", "even", "ever", "every", "few", "first", "for", "from", "further", "get", "gets", "got", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
        "in", "into", "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may",
        "me", "might", "more", "most", "much", "must", "my", "myself", "never", "new", "next", "no", "nor", "not",
        "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves",
        "out", "over", "own", "per", "perhaps", "put", "rather", "really", "said", "same", "say", "says", "see", "seen",
        "several", "shall", "she", "should", "since", "so", "some", "still", "such", "take", "than", "that", "the",
        "their", "theirs", "them", "themselves", "then", "there", "these", "they", "thing", "things", "this", "those",
        "though", "three", "through", "thus", "to", "today", "too", "toward", "towards", "two", "under", "until", "up",
        "upon", "us", "used", "very", "via", "want", "was", "way", "we", "week", "well", "were", "what", "when",
        "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without",
        "would", "year", "years", "yes", "yet", "you", "your", "yours", "yourself", "yourselves",
        // Contractions lose their apostrophe in the tokenizer: "don't" → "don", "t".
        "don", "doesn", "didn", "isn", "wasn", "aren", "weren", "won", "wouldn", "couldn", "shouldn", "ll", "re", "ve",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
