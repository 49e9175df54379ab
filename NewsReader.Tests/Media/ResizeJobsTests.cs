using Microsoft.Extensions.Logging.Abstractions;
using NewsReader.Media;

namespace NewsReader.Tests.Media;

[Collection(MediaTestGroup.Name)]
public sealed class ResizeJobsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ImageInspector _inspector = new(new ImageLimits());

    [Fact]
    public async Task Refuses_with_busy_when_full_then_the_worker_completes_every_job()
    {
        var options = new MediaOptions { QueueCapacity = 3 };
        var jobs = new ResizeJobs(options);
        var uploads = Enumerable.Range(0, 4).Select(i => Upload(200 + i, 100)).ToList();

        // No worker yet: the queue fills.
        var queued = uploads.Take(3).Select(u => jobs.TryEnqueue(u.Image, u.Bytes)).ToList();
        var refused = jobs.TryEnqueue(uploads[3].Image, uploads[3].Bytes);

        Assert.All(queued, r => Assert.Equal(EnqueueOutcome.Queued, r.Outcome));
        Assert.All(queued, r => Assert.Equal(ResizeStatus.Queued, r.Job!.Status));
        Assert.Equal(EnqueueOutcome.Busy, refused.Outcome);
        Assert.Null(refused.Job);
        Assert.Contains("Try again", refused.Message);
        Assert.Null(jobs.Find(uploads[3].Image.Sha256));

        using var worker = new ResizeWorker(jobs, new VariantMaker(), options, NullLogger<ResizeWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            foreach (var result in queued)
            {
                var variants = await result.Job!.Completion.WaitAsync(Patience);
                Assert.Equal(2, variants.Count); // under 480 wide: its own width, WebP and JPEG
                Assert.Equal(ResizeStatus.Done, result.Job.Status);
                Assert.Equal(result.Job.WidthsPlanned, result.Job.WidthsDone);
                Assert.Same(result.Job, jobs.Find(result.Job.Sha256));
            }

            // Room again: the refused upload goes through now.
            var retried = jobs.TryEnqueue(uploads[3].Image, uploads[3].Bytes);
            Assert.Equal(EnqueueOutcome.Queued, retried.Outcome);
            Assert.Equal(203, (await retried.Job!.Completion.WaitAsync(Patience))[0].Width);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void The_same_picture_twice_is_one_job()
    {
        var jobs = new ResizeJobs(new MediaOptions());
        var upload = Upload(300, 200);

        var first = jobs.TryEnqueue(upload.Image, upload.Bytes);
        var second = jobs.TryEnqueue(upload.Image, upload.Bytes);

        Assert.Equal(EnqueueOutcome.Queued, first.Outcome);
        Assert.Equal(EnqueueOutcome.Existing, second.Outcome);
        Assert.Same(first.Job, second.Job);
    }

    [Fact]
    public async Task Jobs_still_waiting_when_the_site_stops_are_cancelled_not_left_hanging()
    {
        var options = new MediaOptions();
        var jobs = new ResizeJobs(options);
        var big = Upload(4000, 3000); // long enough to still be resizing when the stop comes
        var waiting = new[] { Upload(100, 100), Upload(101, 100) };
        var bigJob = jobs.TryEnqueue(big.Image, big.Bytes).Job!;
        var waitingJobs = waiting.Select(u => jobs.TryEnqueue(u.Image, u.Bytes).Job!).ToList();
        using var worker = new ResizeWorker(jobs, new VariantMaker(), options, NullLogger<ResizeWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        foreach (var job in waitingJobs)
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job.Completion.WaitAsync(Patience));
            Assert.Equal(ResizeStatus.Cancelled, job.Status);
        }

        Assert.True(bigJob.Completion.IsCompleted);
        Assert.Contains(bigJob.Status, new[] { ResizeStatus.Done, ResizeStatus.Cancelled });

        // A cancelled picture can be queued again.
        Assert.Equal(EnqueueOutcome.Queued, jobs.TryEnqueue(waiting[0].Image, waiting[0].Bytes).Outcome);
    }

    private (byte[] Bytes, InspectedImage Image) Upload(int width, int height)
    {
        var bytes = TestImages.Jpeg(width, height);
        var inspection = _inspector.Inspect(bytes, "photo.jpg");
        Assert.True(inspection.Accepted, inspection.Refusal?.Message);
        return (bytes, inspection.Image);
    }
}
