using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsReader.Data;

/// <summary>
/// A backup of a PostgreSQL database is PostgreSQL's own: <c>pg_dump --format=custom</c>, one
/// consistent snapshot while the site keeps serving, restored with <c>pg_restore</c>. The dump is
/// written next to the target and renamed into place only when pg_dump succeeded.
/// </summary>
internal static class PostgresBackup
{
    public static async Task<BackupResult> BackupAsync(NewsDbContext db, string target, CancellationToken cancellationToken)
    {
        var server = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var partial = $"{target}.partial-{Guid.NewGuid():N}";
        var start = new ProcessStartInfo("pg_dump")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format=custom", "--no-password", "--file", partial })
        {
            start.ArgumentList.Add(argument);
        }
        // The connection goes through libpq's variables, so the password never shows in a process list.
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = server.Database;
        start.Environment["PGUSER"] = server.Username;
        if (server.Password is { Length: > 0 } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return new BackupResult(
                    "backup of a PostgreSQL database needs pg_dump, which is not installed here (Debian: apt-get install postgresql-client). "
                    + $"Or run on any machine with it: pg_dump --format=custom --host {server.Host} --port {server.Port} --username {server.Username} --file {target} {server.Database}");
            }
            using (process)
            {
                var errors = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.StandardOutput.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                if (process.ExitCode != 0)
                {
                    return new BackupResult($"pg_dump failed (exit code {process.ExitCode}): {(await errors).Trim()} Nothing was written to {target}.");
                }
            }
            var stories = await db.Stories.LongCountAsync(cancellationToken);
            var reactions = await db.Reactions.LongCountAsync(cancellationToken);
            File.Move(partial, target, overwrite: true);
            return new BackupResult(null, target, stories, reactions);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
