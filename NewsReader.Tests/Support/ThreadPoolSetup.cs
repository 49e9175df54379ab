using System.Runtime.CompilerServices;

namespace NewsReader.Tests.Support;

internal static class ThreadPoolSetup
{
    // xunit runs test classes in parallel, and bUnit's synchronous Click/WaitFor calls block pool
    // threads; on a 2-core machine the pool then grows too slowly and waits time out before the
    // renderer ever runs. Starting with more threads removes that starvation.
    [ModuleInitializer]
    internal static void RaiseMinimumThreads() => ThreadPool.SetMinThreads(64, 64);
}
