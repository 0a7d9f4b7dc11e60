using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Leads;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Storage;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The Lead sync's cost figure: N selected Leads in the loopback org synced to the loopback Stripe by
/// the production runner (watermark in Azurite): a first run (every Lead new), a run with nothing
/// changed, and a run after a tenth of the Leads changed — wall time, Salesforce API calls and Stripe
/// calls of each.
/// </summary>
public static class LeadSyncCostBenchmark
{
    /// <summary>Runs the three passes over <paramref name="leads"/> Leads and prints one line each.</summary>
    public static async Task RunAsync(int leads)
    {
        await using var azurite = await Azurite.StartTableAsync();
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench" });
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<string>(leads);
        for (var i = 0; i < leads; i++)
        {
            var at = start.AddMilliseconds(i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
            ids.Add(salesforce.Seed("Lead", new JsonObject
            {
                ["FirstName"] = "Bench", ["LastName"] = $"Lead {i}", ["Company"] = $"Bench Co {i}", ["Email"] = $"lead{i}@bench.example.com",
                ["Sync_To_Stripe__c"] = true, ["IsConverted"] = false, ["SystemModstamp"] = at, ["LastModifiedDate"] = at,
            }));
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
            ["Stripe:ApiKey"] = "rk_test_bench",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            // One run takes every Lead, so each pass is one run's cost.
            ["LeadSync:MaxLeadsPerRun"] = leads.ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddSalesforceClient(configuration).AddLeadSync(configuration).BuildServiceProvider();
        var runner = services.GetRequiredService<LeadSyncRunner>();

        await PassAsync("first run, every Lead new", runner, salesforce, stripe, leads);
        await PassAsync("nothing changed", runner, salesforce, stripe, leads);
        var changed = 0;
        foreach (var id in ids.Where((_, i) => i % 10 == 0))
        {
            var record = salesforce.Records("Lead").Single(r => r["Id"]!.GetValue<string>() == id);
            record["Phone"] = "+1 555 0100";
            record["SystemModstamp"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
            salesforce.Seed("Lead", record);
            changed++;
        }

        await PassAsync($"{changed:N0} Leads changed", runner, salesforce, stripe, leads);
    }

    private static async Task PassAsync(string label, LeadSyncRunner runner, LoopbackSalesforce salesforce, LoopbackStripe stripe, int leads)
    {
        salesforce.ResetCalls();
        var stripeBefore = stripe.CustomerRequests.Count;
        var clock = Stopwatch.StartNew();
        var result = await runner.RunAsync(new LeadSyncRequest(), null, CancellationToken.None);
        clock.Stop();
        var stripeCalls = stripe.CustomerRequests.Count - stripeBefore;
        var c = result.Counts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{leads:N0} Leads, {label}: {clock.Elapsed.TotalSeconds:0.0} s, {c.Read:N0} read ({c.Created:N0} created, {c.Updated:N0} updated, {c.Unchanged:N0} unchanged), " +
            $"{salesforce.ApiCalls} Salesforce API calls ({salesforce.Count(LoopbackApiCall.Collections)} write-backs), {stripeCalls:N0} Stripe calls ({(c.Created + c.Updated == 0 ? 0 : (double)stripeCalls / (c.Created + c.Updated)):0.00} per synced Lead)"));
    }
}
