using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Backfill;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Benchmarks;

/// <summary>
/// The backfill's cost figure: N synthetic Stripe customers with their history (a subscription, three
/// invoices and charges, a refund for every 4th, a dispute for every 10th: <c>StripeHistory</c>)
/// backfilled, every object type, from the loopback Stripe into the loopback org (Bulk API 2.0) by the
/// production runner — wall time, Salesforce API calls, Bulk jobs, Stripe list calls, and the memory
/// of the process that runs the backfill: the stand-ins run in a child process
/// (<see cref="BackfillStandIns"/>), so the figures are the runner's own — the managed heap at its
/// highest (sampled at every job and chunk) and the peak working set.
/// </summary>
public static class BackfillCostBenchmark
{
    /// <summary>Backfills <paramref name="customers"/> customers with <paramref name="chunkSize"/> per round of jobs and prints one line.</summary>
    public static async Task RunAsync(int customers, int chunkSize)
    {
        using var standIns = StartStandIns(customers);
        var stripeUrl = Expect(standIns, "stripe ");
        var salesforceUrl = Expect(standIns, "salesforce ");
        var objects = long.Parse(Expect(standIns, "objects "), CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforceUrl,
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
        }).Build();
        await using var planning = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddEventPlanning().BuildServiceProvider();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSalesforceClient(configuration).BuildServiceProvider();
        var runner = new BackfillRunner(
            new ReconciliationStripeClient(Options.Create(new StripeApiOptions { ApiKey = "rk_test_bench", ApiBase = stripeUrl })),
            new BackfillMapper(planning.GetRequiredService<EventPlanner>(), planning.GetRequiredService<IOptions<SalesforceMappingOptions>>().Value),
            services.GetRequiredService<SalesforceBulkClient>(),
            new BackfillContactClaims(services.GetRequiredService<ISalesforceClient>(), Options.Create(new SalesforceMappingOptions())),
            TimeProvider.System);
        var checkpoint = Path.Combine(Path.GetTempPath(), $"stripesf-bench-{Guid.NewGuid():N}.json");
        var progress = new HeapSampler();
        var (callsBefore, stripeBefore) = Calls(standIns);
        var clock = Stopwatch.StartNew();

        var result = await runner.RunAsync(new BackfillRequest(null, BackfillObjects.All, checkpoint, ChunkSize: chunkSize), progress, CancellationToken.None);

        clock.Stop();
        var (callsAfter, stripeAfter) = Calls(standIns);
        File.Delete(checkpoint);
        File.Delete(BackfillCheckpoint.RollupsPath(checkpoint));
        standIns.StandardInput.Close();
        await standIns.WaitForExitAsync();
        using var self = Process.GetCurrentProcess();
        var read = result.Tallies.Values.Sum(t => t.Read);
        Console.WriteLine(
            $"{customers:N0} customers with history ({read:N0} of {objects:N0} Stripe objects read), chunk {chunkSize:N0}: {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{callsAfter - callsBefore} Salesforce API calls ({result.BulkJobs} Bulk jobs), {stripeAfter - stripeBefore:N0} Stripe list calls, " +
            $"{result.Tallies.Values.Sum(t => t.Created):N0} created / {result.Tallies.Values.Sum(t => t.Updated):N0} updated / {result.Tallies.Values.Sum(t => t.Stale):N0} stale / {result.Tallies.Values.Sum(t => t.Failed):N0} failed; " +
            $"backfill process: managed heap peak {progress.Peak / 1_048_576.0:0} MB, peak working set {self.PeakWorkingSet64 / 1_048_576.0:0} MB");
        foreach (var (type, tally) in result.Tallies)
        {
            Console.WriteLine($"  {type}: {tally.Read:N0} read in {progress.Seconds[type]:0.0} s, {string.Join(", ", tally.Rows.Select(r => $"{r.Value:N0} {r.Key}"))} rows");
        }
    }

    private static Process StartStandIns(int customers)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BackfillStandIns).Assembly.Location);
        }

        start.ArgumentList.Add("backfill-stand-ins");
        start.ArgumentList.Add(customers.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the stand-ins process");
    }

    private static string Expect(Process standIns, string prefix)
    {
        while (standIns.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        throw new InvalidOperationException($"the stand-ins process ended before printing '{prefix}'");
    }

    private static (long Salesforce, long Stripe) Calls(Process standIns)
    {
        standIns.StandardInput.WriteLine("calls");
        standIns.StandardInput.Flush();
        var parts = (standIns.StandardOutput.ReadLine() ?? "0 0").Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private sealed class HeapSampler : IBackfillProgress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _typeStarted;

        public long Peak { get; private set; }

        public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);

        public void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally) => Sample();

        public void ChunkDone(string objectType, BackfillTally tally) => Sample();

        public void JobStarted(string objectType, string sObject, string jobId, int rows) => Sample();

        public void ObjectDone(string objectType, BackfillTally tally)
        {
            Sample();
            Seconds[objectType] = _clock.Elapsed.TotalSeconds - _typeStarted;
            _typeStarted = _clock.Elapsed.TotalSeconds;
        }

        private void Sample() => Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: false));
    }
}
