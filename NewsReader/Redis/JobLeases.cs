using StackExchange.Redis;

namespace NewsReader.Redis;

/// <summary>
/// Background work that must run on one instance at a time (announcing scheduled stories, catching
/// up related stories) holds a lease in Redis: a key set only if absent (SET NX PX) to a token of
/// its own, renewed while held, and deleted only by the holder (compare-and-delete in Lua), so an
/// instance that stopped without releasing it is replaced once the lease runs out. Without Redis
/// there is one instance and every lease is granted at once.
/// </summary>
/// <remarks>Leases run out in Redis's real time, so they are renewed by the real clock, not the site's (tests fake that one).</remarks>
public sealed class JobLeases(RedisConnection? redis)
{
    // Renews the lease if this token holds it, or takes it if nobody does.
    private const string HoldScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('PEXPIRE', KEYS[1], ARGV[2])
        end
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
            return 1
        end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
            return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>This process's token, the same for all its leases.</summary>
    private readonly string _token = Guid.NewGuid().ToString("N");

    public bool IsShared => redis is not null;

    /// <summary>Takes the lease <paramref name="name"/>, or renews it if this process holds it; false if another does.</summary>
    public async Task<bool> TryHoldAsync(string name, TimeSpan lifetime)
    {
        if (redis is null)
        {
            return true;
        }
        var db = await redis.DatabaseAsync();
        var held = await db.ScriptEvaluateAsync(HoldScript, [LeaseKey(name)], [_token, (long)lifetime.TotalMilliseconds]);
        return (long)held == 1;
    }

    public async Task ReleaseAsync(string name)
    {
        if (redis is null)
        {
            return;
        }
        var db = await redis.DatabaseAsync();
        await db.ScriptEvaluateAsync(ReleaseScript, [LeaseKey(name)], [_token]);
    }

    /// <summary>
    /// Runs <paramref name="work"/> under the lease <paramref name="name"/>, waiting for it first if
    /// another instance holds it (<paramref name="waiting"/> is called once then). The lease is
    /// renewed every third of <paramref name="lifetime"/>; if a renewal fails (Redis lost it, or
    /// another took it) <paramref name="work"/> is cancelled rather than run twice.
    /// </summary>
    public async Task RunAsync(string name, TimeSpan lifetime, Action waiting, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        await RunAsync(name, lifetime, lifetime / 6, waiting, work, cancellationToken);

    /// <summary>
    /// <see cref="RunAsync(string, TimeSpan, Action, Func{CancellationToken, Task}, CancellationToken)"/>
    /// for short work that every instance does now and then and that must not overlap between them
    /// (writes to data they share): waits by asking again every few milliseconds.
    /// </summary>
    /// <remarks>A process holds one lease per name: its callers take turns in-process first.</remarks>
    public Task RunExclusiveAsync(string name, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        RunAsync(name, ExclusiveLifetime, TimeSpan.FromMilliseconds(20), () => { }, work, cancellationToken);

    /// <summary>Long enough for a batch of work; renewed meanwhile, so only how soon a stopped holder is replaced.</summary>
    private static readonly TimeSpan ExclusiveLifetime = TimeSpan.FromSeconds(30);

    private async Task RunAsync(string name, TimeSpan lifetime, TimeSpan retryEvery, Action waiting, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (redis is null)
        {
            await work(cancellationToken);
            return;
        }
        var waited = false;
        while (!await TryHoldAsync(name, lifetime))
        {
            if (!waited)
            {
                waiting();
                waited = true;
            }
            await Task.Delay(retryEvery, cancellationToken);
        }
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileHeldAsync(name, lifetime, lost);
        try
        {
            await work(lost.Token);
        }
        finally
        {
            await lost.CancelAsync();
            await renewing;
            await ReleaseAsync(name);
        }
    }

    private async Task RenewWhileHeldAsync(string name, TimeSpan lifetime, CancellationTokenSource lost)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lifetime / 3, lost.Token);
                if (!await TryHoldAsync(name, lifetime))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The work is done (or was cancelled): nothing more to renew.
        }
        // RedisTimeoutException is a TimeoutException, not a RedisException.
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            await lost.CancelAsync();
        }
    }

    private RedisKey LeaseKey(string name) => redis!.Key("lease:" + name);

    /// <summary>A value kept beside a lease for whoever holds it next (how far the holder got).</summary>
    public async Task<string?> ReadNoteAsync(string name)
    {
        if (redis is null)
        {
            return null;
        }
        var db = await redis.DatabaseAsync();
        return await db.StringGetAsync(redis.Key("lease-note:" + name));
    }

    public async Task WriteNoteAsync(string name, string value)
    {
        if (redis is not null)
        {
            var db = await redis.DatabaseAsync();
            await db.StringSetAsync(redis.Key("lease-note:" + name), value);
        }
    }
}
