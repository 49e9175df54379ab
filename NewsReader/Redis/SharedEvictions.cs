using System.Text.Json;
using StackExchange.Redis;

namespace NewsReader.Redis;

/// <summary>What one instance tells the others when it has evicted cached pages.</summary>
/// <param name="Sender">The instance that evicted, which ignores its own message.</param>
/// <param name="Generation">The eviction's number in the shared count (<see cref="SharedEvictions"/>).</param>
/// <param name="Tags">The output-cache tags evicted.</param>
/// <param name="StoriesChanged">Stories changed (not only a reaction): what each process keeps from them is stale.</param>
public sealed record EvictionMessage(string Sender, long Generation, string[] Tags, bool StoriesChanged);

/// <summary>
/// The record of evictions that every instance shares, in Redis: one count, moved on by every
/// eviction on any instance, and per tag the count of its last eviction. An instance stores a page
/// in the shared output cache only if none of its tags was evicted, anywhere, since its request
/// began; and it tells the others of each eviction on one channel, so that they drop their own
/// per-process copies at once.
/// </summary>
/// <remarks>
/// The per-tag notes expire after <see cref="Remembered"/>: a request older than that is not stored,
/// since an eviction it missed may be forgotten.
/// </remarks>
public sealed class SharedEvictions(RedisConnection redis, TimeProvider clock)
{
    public static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    // The new count and every tag's note in one step, so that no instance sees one without the other.
    private const string RecordScript = """
        local generation = redis.call('INCR', KEYS[1])
        for i = 2, #KEYS do
            redis.call('SET', KEYS[i], generation, 'EX', ARGV[1])
        end
        return generation
        """;

    /// <summary>This process, as named in its messages.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public RedisChannel Channel => redis.Channel("evict");

    private RedisKey GenerationKey => redis.Key("evict-generation");

    private RedisKey TagKey(string tag) => redis.Key("evicted:" + tag);

    /// <summary>Moves the shared count on and notes it against each tag; returns the new count.</summary>
    public async Task<long> RecordAsync(IReadOnlyCollection<string> tags)
    {
        var db = await redis.DatabaseAsync();
        RedisKey[] keys = [GenerationKey, .. tags.Select(TagKey)];
        var result = await db.ScriptEvaluateAsync(RecordScript, keys, [(long)Remembered.TotalSeconds]);
        return (long)result;
    }

    /// <summary>The shared count now (0 before the first eviction ever).</summary>
    public async Task<long> CurrentGenerationAsync()
    {
        var db = await redis.DatabaseAsync();
        return (long?)await db.StringGetAsync(GenerationKey) ?? 0;
    }

    /// <summary>The tags among <paramref name="tags"/> evicted on any instance after <paramref name="generation"/>.</summary>
    public async Task<IReadOnlyList<string>> EvictedSinceAsync(IReadOnlyList<string> tags, long generation)
    {
        if (tags.Count == 0)
        {
            return [];
        }
        var db = await redis.DatabaseAsync();
        var values = await db.StringGetAsync([.. tags.Select(TagKey)]);
        var evicted = new List<string>();
        for (var i = 0; i < tags.Count; i++)
        {
            if ((long?)values[i] is { } evictedAt && evictedAt > generation)
            {
                evicted.Add(tags[i]);
            }
        }
        return evicted;
    }

    /// <summary>True while a request begun at <paramref name="startedAt"/> is young enough for the notes to cover it.</summary>
    public bool Covers(long startedAt) => clock.GetElapsedTime(startedAt) < Remembered / 2;

    public long Timestamp() => clock.GetTimestamp();

    public async Task PublishAsync(long generation, IReadOnlyCollection<string> tags, bool storiesChanged)
    {
        var message = new EvictionMessage(InstanceId, generation, [.. tags], storiesChanged);
        var subscriber = (await redis.ConnectAsync()).GetSubscriber();
        await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(message));
    }

    public static EvictionMessage? Read(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize<EvictionMessage>(value.ToString());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
