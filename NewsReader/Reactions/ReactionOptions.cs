namespace NewsReader.Reactions;

/// <summary>The "NewsReader:Reactions" configuration section: how many posts a client may send (enforced in Limits/RateLimits.cs).</summary>
public sealed class ReactionOptions
{
    public const string Section = "NewsReader:Reactions";

    /// <summary>
    /// Posts a minute from one reader (one reader id cookie). A post without a reader id (the first,
    /// which issues one) counts against the new-reader limits instead.
    /// </summary>
    public int PerReaderPerMinute { get; set; } = 20;

    /// <summary>Posts a minute from one network address (an IPv4 address or an IPv6 /64): generous, as many readers can share one.</summary>
    public int PerAddressPerMinute { get; set; } = 600;

    /// <summary>
    /// Posts without a reader cookie a minute from one address, over all stories. Each makes a new
    /// reader, so a client that drops its cookie adds a reaction each time; ten a minute still lets
    /// an office or school behind one address have ten people react for the first time in a minute.
    /// </summary>
    public int NewReadersPerAddressPerMinute { get; set; } = 10;

    /// <summary>
    /// Posts without a reader cookie a minute from one address to one story: three people behind one
    /// address reacting to the same story for the first time in the same minute is already rare.
    /// </summary>
    public int NewReadersPerAddressPerStoryPerMinute { get; set; } = 3;
}
