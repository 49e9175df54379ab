using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsReader.Data;

namespace NewsReader.Reactions;

/// <summary>
/// The one writer of reactions. SQLite takes one writer at a time, and with <c>synchronous=FULL</c>
/// every commit waits for an fsync of the log, which costs far more than the statements: one commit
/// per reaction capped the site at a few hundred reactions a second. So posts queue here in memory
/// and a single loop writes whatever is waiting (up to <see cref="MaxBatch"/>) in ONE transaction,
/// one fsync for all of them. Each caller's task completes only after the commit of its batch, so a
/// reader is never told "done" about a reaction a crash could still take away. On PostgreSQL each
/// press is its own transaction instead (<see cref="PostgresReactionWrites"/>).
/// </summary>
public sealed class ReactionWriter : IAsyncDisposable
{
    /// <summary>
    /// Large enough that a burst of a thousand readers needs two or three commits, small enough
    /// that one transaction holds the write lock for a few milliseconds, not long enough to keep an
    /// editor's save waiting.
    /// </summary>
    public const int MaxBatch = 500;

    private readonly IDbContextFactory<NewsDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReactionWriter> _logger;
    private readonly Channel<PendingReaction> _queue =
        Channel.CreateUnbounded<PendingReaction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly bool _postgres;

    public ReactionWriter(IDbContextFactory<NewsDbContext> dbFactory, TimeProvider clock, ILogger<ReactionWriter> logger)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        using (var db = dbFactory.CreateDbContext())
        {
            _postgres = db.Database.IsNpgsql();
        }
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the press of a button; completes once it is committed (set, moved or withdrawn).</summary>
    public Task<ReactionOutcome> WriteAsync(int storyId, string readerId, ReactionKind kind, CancellationToken cancellationToken)
    {
        if (_postgres)
        {
            return PostgresReactionWrites.WriteAsync(_dbFactory, storyId, readerId, kind, _clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        var pending = new PendingReaction(storyId, readerId, kind, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(ReactionWriter), "The site is stopping; the reaction was not saved.");
        }
        return pending.Answer.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingReaction>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                // A reader who has gone before their turn is not written: nobody was told it was saved.
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Answer.TrySetCanceled(pending.Cancellation);
                    continue;
                }
                batch.Add(pending);
            }
            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingReaction> batch)
    {
        var outcomes = new ReactionOutcome[batch.Count];
        var refused = new Exception?[batch.Count];
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync().ConfigureAwait(false);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync().ConfigureAwait(false);
            // IMMEDIATE: the write lock is taken (or waited for, up to the busy timeout) before the
            // first read, so what each item reads cannot change before it writes.
            // (SQLite's calls are synchronous under their async names; this loop is the only one waiting.)
            await using var transaction = connection.BeginTransaction(deferred: false);
            using var statements = new ReactionStatements(connection, transaction);
            var now = _clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    outcomes[i] = statements.Apply(batch[i].StoryId, batch[i].ReaderId, batch[i].Kind, now);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && statements.NothingWrittenYet)
                {
                    // SQLITE_CONSTRAINT on the item's first write (its story was deleted since the post was
                    // checked): SQLite undid that one statement, so only this reader is refused.
                    refused[i] = ex;
                }
            }
            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing of the batch was committed: every caller hears so, as each did when it wrote alone
            // (a busy database becomes "try again" in Web/DatabaseBusyResponses).
            _logger.LogWarning(ex, "A batch of {Count} reactions was not saved", batch.Count);
            foreach (var pending in batch)
            {
                pending.Answer.TrySetException(ex);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (refused[i] is { } ex)
            {
                batch[i].Answer.TrySetException(ex);
            }
            else
            {
                batch[i].Answer.TrySetResult(outcomes[i]);
            }
        }
    }

    /// <summary>Stops taking reactions and writes those already queued before the site stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed class PendingReaction(int storyId, string readerId, ReactionKind kind, CancellationToken cancellation)
    {
        public int StoryId { get; } = storyId;
        public string ReaderId { get; } = readerId;
        public ReactionKind Kind { get; } = kind;
        public CancellationToken Cancellation { get; } = cancellation;

        // Asynchronous continuations: the callers' requests go on elsewhere, not on the writer's loop.
        public TaskCompletionSource<ReactionOutcome> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
