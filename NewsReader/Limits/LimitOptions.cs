namespace NewsReader.Limits;

/// <summary>
/// The "NewsReader:Limits" configuration section: per-address limits on the requests that cost the
/// server work whoever sends them. The reaction limits are in <see cref="Reactions.ReactionOptions"/>.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "NewsReader:Limits";

    /// <summary>
    /// Sign-in posts a minute from one address, and separately setup posts. A person mistyping a
    /// password needs a few; an office behind one address rarely signs in ten times in a minute.
    /// The per-account lockout (5 failures, 5 minutes) still stands behind it.
    /// </summary>
    public int SignInPostsPerAddressPerMinute { get; set; } = 10;

    /// <summary>
    /// Searches a minute from one address that the output cache cannot answer: a person searches a
    /// few times a minute at most; each new query over a large archive costs tens of milliseconds of CPU.
    /// </summary>
    public int SearchesPerAddressPerMinute { get; set; } = 30;
}
