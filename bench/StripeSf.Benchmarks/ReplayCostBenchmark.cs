using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Replay;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;

namespace StripeSf.Benchmarks;

/// <summary>
/// The API-budget figure: Salesforce calls per Stripe event for a day of events, replayed through
/// the production processor and client against the loopback org — in Stripe's order, shuffled,
/// and shuffled with every event delivered 1–5 times (duplicates never reach Salesforce).
/// </summary>
public static class ReplayCostBenchmark
{
    /// <summary>Runs the scenarios for <paramref name="customers"/> customers and prints one line each.</summary>
    public static async Task RunAsync(int customers)
    {
        var day = StripeDay.Create(customers);
        Console.WriteLine($"{customers} customers, {day.Events.Count} distinct events");
        await Scenario("in order, once each", day, [.. day.Events]);
        await Scenario("in order, no email match", day, [.. day.Events], matchByEmail: false);
        var shuffled = day.Events.ToArray();
        new Random(1).Shuffle(shuffled);
        await Scenario("shuffled, once each", day, shuffled);
        await Scenario("shuffled, 1-5 deliveries", day, day.Deliveries(seed: 2));
        // Dunning__OpenCase with a queue by DeveloperName: the Case and the queue lookup ride in the event's own call.
        await Scenario("in order, collections Case", day, [.. day.Events], dunningCase: true);
        await Scenario("shuffled, collections Case", day, shuffled, dunningCase: true);
    }

    private static async Task Scenario(string name, StripeDay day, IReadOnlyList<ScenarioEvent> deliveries, bool matchByEmail = true, bool dunningCase = false)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench" });
        salesforce.Seed("Group", new System.Text.Json.Nodes.JsonObject { ["Name"] = "Collections", ["DeveloperName"] = "Collections", ["Type"] = "Queue" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
            ["Mapping:MatchContactsByEmail"] = matchByEmail ? "true" : "false",
            ["Dunning:OpenCase"] = dunningCase ? "true" : "false",
            ["Dunning:CaseQueue"] = "Collections",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(b => b.SetMinimumLevel(LogLevel.Error))
            .AddStripeEventProcessing().AddSalesforceClient(configuration).BuildServiceProvider();
        var watch = Stopwatch.StartNew();
        var results = await services.GetRequiredService<EventReplayer>().ReplayAsync(
            [.. deliveries.Select(d => (d.Id, d.Payload))], new ReplayOptions { Concurrency = 8, MaxRetryDelay = TimeSpan.Zero }, CancellationToken.None);
        watch.Stop();
        var states = string.Join(", ", results.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        Console.WriteLine($"{name,-26} {deliveries.Count,5} deliveries  {salesforce.ApiCalls,5} API calls  {(double)salesforce.ApiCalls / day.Events.Count:0.00} per event  " +
            $"{day.Events.Count / watch.Elapsed.TotalSeconds,7:0} events/s  ({states})");
    }
}
