using NetVips;
using Vips = NetVips.NetVips;

namespace NewsReader.Media;

/// <summary>
/// The one place libvips is set up for a long-running server. Idempotent: the first caller's
/// settings win, later calls only check that the native library is there.
/// </summary>
public static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool s_configured;

    /// <summary>Makes sure libvips is loaded and configured; throws a clear error when it is not.</summary>
    /// <param name="threads">Threads per libvips pipeline; 0 leaves libvips' default (one per core).</param>
    public static void EnsureReady(int threads = 0)
    {
        if (Volatile.Read(ref s_configured))
        {
            return;
        }

        lock (Gate)
        {
            if (s_configured)
            {
                return;
            }

            // Touching ModuleInitializer runs NetVips' loader; when the native package for this
            // platform is missing, every later call would fail with a bare DllNotFoundException.
            if (!ModuleInitializer.VipsInitialized)
            {
                throw new InvalidOperationException(
                    "libvips, the native image library, could not be loaded, so pictures cannot be " +
                    "checked or resized. The NetVips.Native package ships it for linux-x64, " +
                    "linux-arm64, osx and win; on another platform install libvips 8.18 where the " +
                    "loader finds it. Cause: " + (ModuleInitializer.Exception?.Message ?? "unknown"),
                    ModuleInitializer.Exception);
            }

            // libvips' operation cache keeps recent results (decoded uploads among them) for
            // reuse; a server never repeats an operation on the same buffer, so it would only
            // hold memory. Nothing here opens files by name, so the file cache goes too.
            Cache.Max = 0;
            Cache.MaxMem = 0;
            Cache.MaxFiles = 0;

            // Loaders libvips itself marks as unsafe for untrusted input (ImageMagick, FITS,
            // Matlab, ...) are never reachable, even if a later change passes bytes straight in.
            Vips.BlockUntrusted = true;

            // libvips writes a warning to stderr for every damaged upload ("error in tile ...")
            // besides failing the call; the failure is what we act on and report, and a stranger
            // should not be able to fill the service's log by uploading broken files.
            Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, static (_, _, _) => { });

            // Readers' requests share the same cores: one resize should not take all of them.
            if (threads > 0)
            {
                Vips.Concurrency = Math.Min(threads, Environment.ProcessorCount);
            }

            Volatile.Write(ref s_configured, true);
        }
    }
}
