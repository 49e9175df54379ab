using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsReader.Data;

namespace NewsReader.Related;

/// <summary>
/// The raw SQL the related-stories tables are written with: thousands of rows at a time, where EF's
/// change tracking would cost more than the work.
/// </summary>
internal static class RelatedSql
{
    /// <summary>Ids per IN (...) list, under SQLite's default limit of 999 parameters.</summary>
    public const int IdChunk = 900;

    /// <summary>Stories whose texts are held in memory at once.</summary>
    public const int TextChunk = 2000;

    public static Task DeleteByIdsAsync(NewsDbContext db, string table, string column, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }
        // Table and column are our own constants and the ids are integers, so nothing here comes from a user.
        var sql = $"DELETE FROM \"{table}\" WHERE \"{column}\" IN ({string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
#pragma warning disable EF1002
        return db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>Runs one prepared statement per row: far faster than change tracking for thousands of rows.</summary>
    public static async Task InsertAsync(
        DbConnection connection, IDbContextTransaction transaction, string sql, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction.GetDbTransaction();
        DbParameter[]? parameters = null;
        foreach (var row in rows)
        {
            if (parameters is null)
            {
                parameters = new DbParameter[row.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i] = command.CreateParameter();
                    parameters[i].ParameterName = "@" + (char)('a' + i);
                    command.Parameters.Add(parameters[i]);
                }
            }
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i];
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

}
