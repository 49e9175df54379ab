using Microsoft.Extensions.Logging;

namespace NewsReader.Media;

/// <summary>
/// Takes jobs from <see cref="ResizeJobs"/> and makes their variants, off the request threads,
/// with a small fixed number of resizes at a time so readers keep their share of the CPU.
/// </summary>
public sealed class ResizeWorker(ResizeJobs queue, VariantMaker maker, MediaOptions options, ILogger<ResizeWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Clamp(options.ResizeWorkers, 1, Math.Max(1, Environment.ProcessorCount));

        // Task.Run: the resize itself is synchronous native work and must not run on the
        // thread that starts the host.
        var loops = Enumerable.Range(0, workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None));
        await Task.WhenAll(loops);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Here rather than at the end of ExecuteAsync, which may never have started when the
        // host stops quickly: anyone awaiting a job that never ran hears so instead of waiting
        // forever.
        while (queue.Reader.TryRead(out var left))
        {
            left.Cancel();
            queue.Finished(left);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (!stoppingToken.IsCancellationRequested && queue.Reader.TryRead(out var job))
                {
                    Process(job, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Process(ResizeJob job, CancellationToken stoppingToken)
    {
        job.Start();
        try
        {
            var variants = maker.Make(job.Content, job.Image, new Progress(job), stoppingToken);
            job.Succeed(variants);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Cancel();
        }
#pragma warning disable CA1031 // A job must always complete: its awaiter would otherwise wait forever.
        catch (Exception error)
#pragma warning restore CA1031
        {
            logger.LogError(error, "Resizing picture {Sha256} ({FileName}) failed", job.Sha256, job.Image.FileName);
            job.Fail(error);
        }
        finally
        {
            queue.Finished(job);
        }
    }

    // Synchronous on purpose: System.Progress<T> would post to the thread pool, out of order.
    private sealed class Progress(ResizeJob job) : IProgress<int>
    {
        public void Report(int value) => job.Progress(value);
    }
}
