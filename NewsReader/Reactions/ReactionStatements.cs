using Microsoft.Data.Sqlite;
using NewsReader.Data;

namespace NewsReader.Reactions;

/// <summary>
/// The SQL of one reader pressing one button, inside the writer's open transaction: the reaction row
/// is set, moved or withdrawn, and ReactionCounts follows in the same transaction, so the counts can
/// never disagree with the rows. Plain prepared statements, reused for every item of a batch: EF's
/// change tracking would cost more than the statements themselves.
/// </summary>
internal sealed class ReactionStatements : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _move;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _grow;
    private readonly SqliteCommand _shrink;

    public ReactionStatements(SqliteConnection connection, SqliteTransaction transaction)
    {
        _find = Command(connection, transaction,
            """SELECT "Id", "Kind" FROM "Reactions" WHERE "ArticleId" = $story AND "ReaderId" = $reader""",
            "$story", "$reader");
        _insert = Command(connection, transaction,
            """INSERT INTO "Reactions" ("ArticleId", "ReaderId", "Kind", "ReactedAt") VALUES ($story, $reader, $kind, $at)""",
            "$story", "$reader", "$kind", "$at");
        _move = Command(connection, transaction,
            """UPDATE "Reactions" SET "Kind" = $kind, "ReactedAt" = $at WHERE "Id" = $id""",
            "$kind", "$at", "$id");
        _delete = Command(connection, transaction, """DELETE FROM "Reactions" WHERE "Id" = $id""", "$id");
        // Two statements, not one upsert of +1 or -1: SQLite checks CHECK (Count >= 0) on the row an
        // upsert proposes before it looks for the conflict, so an upsert of -1 always fails.
        _grow = Command(connection, transaction,
            """
            INSERT INTO "ReactionCounts" ("ArticleId", "Kind", "Count") VALUES ($story, $kind, 1)
            ON CONFLICT ("ArticleId", "Kind") DO UPDATE SET "Count" = "Count" + 1
            """,
            "$story", "$kind");
        _shrink = Command(connection, transaction,
            """UPDATE "ReactionCounts" SET "Count" = "Count" - 1 WHERE "ArticleId" = $story AND "Kind" = $kind""",
            "$story", "$kind");
    }

    /// <summary>True until the current item's first write succeeds: a failure before then left nothing of it.</summary>
    public bool NothingWrittenYet { get; private set; }

    /// <summary>
    /// The reader presses <paramref name="kind"/>: set if they had none, moved if they had another,
    /// withdrawn if it was this one (as the button has always done).
    /// </summary>
    public ReactionOutcome Apply(int storyId, string readerId, ReactionKind kind, DateTime now)
    {
        NothingWrittenYet = true;
        _find.Parameters["$story"].Value = storyId;
        _find.Parameters["$reader"].Value = readerId;
        long? id = null;
        var current = default(ReactionKind);
        using (var row = _find.ExecuteReader())
        {
            if (row.Read())
            {
                id = row.GetInt64(0);
                current = (ReactionKind)row.GetInt32(1);
            }
        }

        if (id is null)
        {
            _insert.Parameters["$story"].Value = storyId;
            _insert.Parameters["$reader"].Value = readerId;
            _insert.Parameters["$kind"].Value = (int)kind;
            _insert.Parameters["$at"].Value = now;
            _insert.ExecuteNonQuery();
            NothingWrittenYet = false;
            Grow(storyId, kind);
            return ReactionOutcome.Set;
        }
        if (current == kind)
        {
            _delete.Parameters["$id"].Value = id.Value;
            _delete.ExecuteNonQuery();
            NothingWrittenYet = false;
            Shrink(storyId, kind);
            return ReactionOutcome.Withdrawn;
        }
        _move.Parameters["$kind"].Value = (int)kind;
        _move.Parameters["$at"].Value = now;
        _move.Parameters["$id"].Value = id.Value;
        _move.ExecuteNonQuery();
        NothingWrittenYet = false;
        Shrink(storyId, current);
        Grow(storyId, kind);
        return ReactionOutcome.Moved;
    }

    private void Grow(int storyId, ReactionKind kind)
    {
        _grow.Parameters["$story"].Value = storyId;
        _grow.Parameters["$kind"].Value = (int)kind;
        _grow.ExecuteNonQuery();
    }

    /// <summary>
    /// A reaction row was there, so its count row must be: if it is not, the counts have drifted from
    /// the rows (something wrote Reactions around this class), and the batch fails rather than hide it.
    /// </summary>
    private void Shrink(int storyId, ReactionKind kind)
    {
        _shrink.Parameters["$story"].Value = storyId;
        _shrink.Parameters["$kind"].Value = (int)kind;
        if (_shrink.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"ReactionCounts has no row for story {storyId} and {kind}, though a reaction row was there.");
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    public void Dispose()
    {
        _find.Dispose();
        _insert.Dispose();
        _move.Dispose();
        _delete.Dispose();
        _grow.Dispose();
        _shrink.Dispose();
    }
}
