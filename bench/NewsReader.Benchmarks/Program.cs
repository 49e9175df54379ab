using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace NewsReader.Benchmarks;

public static class Program
{
    // The switcher gives BenchmarkDotNet's own command line: --filter '*', --job short, --list flat, ...
    // The machine is shared, so the median and the minimum are shown beside the mean: they say more
    // than the mean when another build steals the cores for part of a run.
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddColumn(StatisticColumn.Median, StatisticColumn.Min));
}
