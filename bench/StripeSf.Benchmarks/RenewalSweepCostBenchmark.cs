using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Renewals;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The renewal sweep's cost figure: N active yearly subscriptions in the loopback Stripe (one in four
/// with a term ending within 90 days), their Accounts in the loopback org, swept twice by the production
/// sweep — wall time, Stripe list calls and Salesforce API calls of the first sweep (which creates) and of
/// the second (which finds them all), with the time at each phase boundary on stderr. The wall time is
/// mostly the loopback stand-ins' (in this process; the loopback org evaluates <c>IN (…)</c> without an
/// index), not the sweep's; the call counts are what an org and Stripe would see.
/// </summary>
public static class RenewalSweepCostBenchmark
{
    /// <summary>Sweeps <paramref name="subscriptions"/> subscriptions twice and prints one line per sweep.</summary>
    public static async Task RunAsync(int subscriptions)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench" });
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < subscriptions; i++)
        {
            var n = i.ToString("000000", CultureInfo.InvariantCulture);
            var end = now.AddDays(i % 4 == 0 ? 30 + (i % 50) : 120 + (i % 200));
            var subscription = StripeObjects.Subscription($"sub_bench{n}", $"cus_bench{n}", "active", 120_000, 1 + (i % 5), end.AddYears(-1).ToUnixTimeSeconds(), end.AddYears(-1).ToUnixTimeSeconds());
            var item = subscription["items"]!["data"]![0]!;
            item["current_period_end"] = end.ToUnixTimeSeconds();
            item["price"]!["recurring"]!["interval"] = "year";
            stripe.Add("subscriptions", subscription);
            salesforce.Seed("Account", new JsonObject { ["Name"] = $"Bench Co {n}", ["Stripe_Customer_Id__c"] = $"cus_bench{n}", ["OwnerId"] = "005BENCH00000001AAA" });
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
            ["Stripe:ApiKey"] = "rk_test_bench",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStripeEventProcessing().AddRenewalSweep().AddSalesforceClient(configuration).BuildServiceProvider();
        var sweep = services.GetRequiredService<RenewalSweep>();
        foreach (var label in new[] { "first", "second" })
        {
            salesforce.ResetCalls();
            var clock = Stopwatch.StartNew();
            var report = await sweep.RunAsync(90, dryRun: false, progress: new Phases(clock), CancellationToken.None);
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"renewals {label} sweep: {subscriptions} active, {report.Results.Count} due, {report.Count(RenewalOutcome.Created)} created, {report.Count(RenewalOutcome.Exists)} exist in {clock.Elapsed.TotalSeconds:0.00} s; {report.StripeCalls} Stripe list calls, {salesforce.ApiCalls} Salesforce API calls ({salesforce.Count(LoopbackApiCall.Query) + salesforce.Count(LoopbackApiCall.QueryMore)} queries, {salesforce.Count(LoopbackApiCall.Collections)} Collections)"));
        }
    }

    private sealed class Phases(Stopwatch clock) : IProgress<string>
    {
        public void Report(string value)
        {
            // Phase boundaries only: the last Stripe page, the Salesforce reads, not every page or batch.
            if (!value.StartsWith("Listed", StringComparison.Ordinal) && !value.StartsWith("Wrote", StringComparison.Ordinal))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,6:0.00} s  {value}"));
            }
        }
    }
}
