using BenchmarkDotNet.Running;

namespace NewsReader.Benchmarks;

public static class Program
{
    // The switcher gives BenchmarkDotNet's own command line: --filter '*', --job short, --list flat, ...
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
