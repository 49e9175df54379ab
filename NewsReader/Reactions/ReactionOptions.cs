namespace NewsReader.Reactions;

/// <summary>The "NewsReader:Reactions" configuration section: how many posts a client may send.</summary>
public sealed class ReactionOptions
{
    public const string Section = "NewsReader:Reactions";

    /// <summary>
    /// Posts a minute from one reader (one reader id cookie). A post without a reader id (the first,
    /// which issues one) counts against the address only.
    /// </summary>
    public int PerReaderPerMinute { get; set; } = 20;

    /// <summary>Posts a minute from one network address (an IPv4 address or an IPv6 /64): generous, as many readers can share one.</summary>
    public int PerAddressPerMinute { get; set; } = 600;
}
