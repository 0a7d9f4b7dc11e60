using System.Diagnostics;
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
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The backfill's cost figure: N synthetic Stripe customers backfilled from the loopback Stripe into
/// the loopback org (Bulk API 2.0) by the production runner — wall time, Salesforce API calls, Stripe
/// list calls, and the managed heap at its highest after a chunk (sampled; the loopback stand-ins
/// live in the same process and hold the whole data set, so the figure includes them).
/// </summary>
public static class BackfillCostBenchmark
{
    /// <summary>Backfills <paramref name="customers"/> customers with <paramref name="chunkSize"/> per round of jobs and prints one line.</summary>
    public static async Task RunAsync(int customers, int chunkSize)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench", BulkPollsUntilComplete = 1 });
        for (var i = 0; i < customers; i++)
        {
            var n = i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
            stripe.Add("customers", StripeObjects.Customer($"cus_bench{n}", $"Bench Co {n}", $"billing{n}@bench.example.com", 1_700_000_000 + i));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
        }).Build();
        await using var planning = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddEventPlanning().BuildServiceProvider();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSalesforceClient(configuration).BuildServiceProvider();
        var runner = new BackfillRunner(
            new ReconciliationStripeClient(Options.Create(new StripeApiOptions { ApiKey = "rk_test_bench", ApiBase = stripe.BaseUrl })),
            new BackfillMapper(planning.GetRequiredService<EventPlanner>(), planning.GetRequiredService<IOptions<SalesforceMappingOptions>>().Value),
            services.GetRequiredService<SalesforceBulkClient>(),
            new BackfillContactClaims(services.GetRequiredService<ISalesforceClient>(), Options.Create(new SalesforceMappingOptions())),
            TimeProvider.System);
        var checkpoint = Path.Combine(Path.GetTempPath(), $"stripesf-bench-{Guid.NewGuid():N}.json");
        var progress = new HeapSampler();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var stripeBefore = stripe.Requests.Count;
        var clock = Stopwatch.StartNew();

        var result = await runner.RunAsync(new BackfillRequest(null, [BackfillObjects.Customers], checkpoint, ChunkSize: chunkSize), progress, CancellationToken.None);

        clock.Stop();
        File.Delete(checkpoint);
        var tally = result.Tallies[BackfillObjects.Customers];
        Console.WriteLine(
            $"{customers:N0} customers, chunk {chunkSize:N0}: {clock.Elapsed.TotalSeconds:0.0} s, {salesforce.ApiCalls} Salesforce API calls ({result.BulkJobs} Bulk jobs), " +
            $"{stripe.Requests.Count - stripeBefore} Stripe list calls, {tally.Created:N0} created / {tally.Updated:N0} updated / {tally.Failed:N0} failed; " +
            $"managed heap peak {(progress.Peak - baseline) / 1_048_576.0:0} MB above the loaded stand-ins, process peak working set {Environment.WorkingSet / 1_048_576.0:0} MB");
    }

    private sealed class HeapSampler : IBackfillProgress
    {
        public long Peak { get; private set; }

        public void ChunkDone(string objectType, BackfillTally tally) => Sample();

        public void JobStarted(string objectType, string sObject, string jobId, int rows) => Sample();

        public void ObjectDone(string objectType, BackfillTally tally) => Sample();

        private void Sample() => Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: false));
    }
}
