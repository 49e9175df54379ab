using Microsoft.EntityFrameworkCore;
using Npgsql;
using NewsReader.Data;

namespace NewsReader.Reactions;

/// <summary>
/// One reader pressing one button on PostgreSQL: its own short transaction, no queue. The server
/// takes many writers at once and commits them together, so the in-process batching SQLite needs
/// (<see cref="ReactionWriter"/>) would only add a wait; and with several instances no process
/// could hold a gate for the others anyway. The reaction row is locked while it is read, so two
/// presses by one reader, on any instances, apply one after the other; the count rows change in
/// the same transaction, so the counts stay exact.
/// </summary>
internal static class PostgresReactionWrites
{
    private const int Attempts = 5;

    public static async Task<ReactionOutcome> WriteAsync(
        IDbContextFactory<NewsDbContext> dbFactory, int storyId, string readerId, ReactionKind kind, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await connection.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var outcome = await ApplyAsync(connection, storyId, readerId, kind, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return outcome;
            }
            // Two first presses of one reader at once (one insert loses the unique index), or two
            // moves between the same kinds in opposite directions (a deadlock the server breaks):
            // the loser changed nothing, and trying again applies it after the winner.
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.UniqueViolation
                or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
            }
        }
    }

    private static async Task<ReactionOutcome> ApplyAsync(
        NpgsqlConnection connection, int storyId, string readerId, ReactionKind kind, DateTime now, CancellationToken cancellationToken)
    {
        long? id = null;
        var current = default(ReactionKind);
        await using (var find = Command(connection,
            """SELECT "Id", "Kind" FROM "Reactions" WHERE "ArticleId" = @story AND "ReaderId" = @reader FOR UPDATE""",
            ("story", storyId), ("reader", readerId)))
        await using (var row = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (await row.ReadAsync(cancellationToken))
            {
                id = row.GetInt64(0);
                current = (ReactionKind)row.GetInt32(1);
            }
        }

        if (id is null)
        {
            await ExecuteAsync(connection,
                """INSERT INTO "Reactions" ("ArticleId", "ReaderId", "Kind", "ReactedAt") VALUES (@story, @reader, @kind, @at)""",
                cancellationToken, ("story", storyId), ("reader", readerId), ("kind", (int)kind), ("at", now));
            await GrowAsync(connection, storyId, kind, cancellationToken);
            return ReactionOutcome.Set;
        }
        if (current == kind)
        {
            await ExecuteAsync(connection, """DELETE FROM "Reactions" WHERE "Id" = @id""", cancellationToken, ("id", id.Value));
            await ShrinkAsync(connection, storyId, kind, cancellationToken);
            return ReactionOutcome.Withdrawn;
        }
        await ExecuteAsync(connection, """UPDATE "Reactions" SET "Kind" = @kind, "ReactedAt" = @at WHERE "Id" = @id""",
            cancellationToken, ("kind", (int)kind), ("at", now), ("id", id.Value));
        // Count rows are always changed in kind order, so two moves never wait on each other in a circle.
        foreach (var (changed, delta) in new[] { (current, -1), (kind, 1) }.OrderBy(c => c.Item1))
        {
            await (delta > 0 ? GrowAsync(connection, storyId, changed, cancellationToken) : ShrinkAsync(connection, storyId, changed, cancellationToken));
        }
        return ReactionOutcome.Moved;
    }

    private static async Task GrowAsync(NpgsqlConnection connection, int storyId, ReactionKind kind, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection,
            """
            INSERT INTO "ReactionCounts" ("ArticleId", "Kind", "Count") VALUES (@story, @kind, 1)
            ON CONFLICT ("ArticleId", "Kind") DO UPDATE SET "Count" = "ReactionCounts"."Count" + 1
            """,
            cancellationToken, ("story", storyId), ("kind", (int)kind));

    private static async Task ShrinkAsync(NpgsqlConnection connection, int storyId, ReactionKind kind, CancellationToken cancellationToken)
    {
        var changed = await ExecuteAsync(connection,
            """UPDATE "ReactionCounts" SET "Count" = "Count" - 1 WHERE "ArticleId" = @story AND "Kind" = @kind""",
            cancellationToken, ("story", storyId), ("kind", (int)kind));
        if (changed != 1)
        {
            throw new InvalidOperationException($"ReactionCounts has no row for story {storyId} and {kind}, though a reaction row was there.");
        }
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
