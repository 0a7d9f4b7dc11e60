using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Healing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Replay;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>
/// The webhook endpoint is down for two days in the middle of a day of activity for 30 customers:
/// the events created from the outage on never reach the app. After it, gap-fill (in-process,
/// through the production processor and settlement, from the last successful gap-fill recorded in
/// Salesforce) lists them from the loopback Stripe. The org must end exactly as an org that got
/// every delivery — the events the outage swallowed written, the ones delivered before it sent
/// again without changing anything.
/// </summary>
public sealed class GapFillHealingTests(ITestOutputHelper output)
{
    private const int Customers = 30;

    [Fact]
    public async Task GapFill_AfterATwoDayOutage_OrgEndsAsWithEveryDelivery()
    {
        var day = StripeDay.Create(Customers);
        var outageStart = DateTimeOffset.FromUnixTimeSeconds(day.Events[day.Events.Count / 3].Created);
        var outageEnd = outageStart.AddDays(2);
        var delivered = day.Events.Where(e => DateTimeOffset.FromUnixTimeSeconds(e.Created) < outageStart).ToList();
        Assert.All(day.Events, e => Assert.True(DateTimeOffset.FromUnixTimeSeconds(e.Created) < outageEnd));

        await using var reference = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using (var services = LoopbackServices.Build(reference))
        {
            await ReplayAsync(services, day.Events);
        }

        await using var stripe = await LoopbackStripe.StartAsync();
        foreach (var e in day.Events)
        {
            stripe.Add("events", JsonNode.Parse(e.Payload)!.AsObject());
        }

        await using var healed = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        // The last nightly run before the outage gap-filled up to 6 hours before it started.
        healed.Seed(ReconciliationRunFields.Object, new JsonObject
        {
            ["Run_Key__c"] = "before-outage",
            ["Name"] = "Reconciliation before the outage",
            ["Status__c"] = ReconciliationRunFields.StatusCompleted,
            [ReconciliationRunFields.GapFillThrough] = StripeSf.Core.Mapping.SalesforceValues.DateTime(outageStart.AddHours(-6)),
        });
        await using var app = Build(healed, stripe);
        await ReplayAsync(app, delivered);
        Assert.NotEqual(Snapshot(reference), Snapshot(healed));

        var filler = ActivatorUtilities.CreateInstance<GapFiller>(app, new FakeTimeProvider(outageEnd.AddHours(1)));
        var window = await filler.DefaultWindowAsync(CancellationToken.None);
        var result = await filler.RunAsync(window, new ReplayGapFillTarget(app.GetRequiredService<EventReplayer>(), new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.Zero }), CancellationToken.None);

        output.WriteLine($"{day.Events.Count} events, {delivered.Count} delivered before the outage; {result.Summary()}");
        output.WriteLine($"Salesforce API calls of the healed org: {healed.ApiCalls}; reference: {reference.ApiCalls}");
        Assert.Empty(result.Failures);
        Assert.Equal(day.Events.Count, result.Outcomes.Count);
        Assert.Equal(day.Events.Select(e => e.Id).Order(StringComparer.Ordinal), result.Outcomes.Select(o => o.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(Snapshot(reference), Snapshot(healed));
        Assert.Equal(Customers, healed.Records("Account").Count);
    }

    private static async Task ReplayAsync(ServiceProvider services, IReadOnlyList<ScenarioEvent> events)
    {
        var results = await services.GetRequiredService<EventReplayer>().ReplayAsync(
            [.. events.Select(e => (e.Id, e.Payload))], new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.Zero }, CancellationToken.None);
        Assert.All(results, r => Assert.NotEqual(ReplayStates.DeadLettered, r.State));
    }

    private static ServiceProvider Build(LoopbackSalesforce salesforce, LoopbackStripe stripe)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = LoopbackServices.ClientId,
            ["Salesforce:ClientSecret"] = LoopbackServices.ClientSecret,
            ["Stripe:ApiKey"] = "rk_test_gapfill",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStripeEventProcessing()
            .AddStripeReconciliation()
            .AddSalesforceClient(configuration)
            .BuildServiceProvider();
    }

    /// <summary>
    /// Every record the flows write, as text, without what differs between two orgs that hold the
    /// same facts: record ids (a lookup becomes the external key of the record it points at) and
    /// system timestamps.
    /// </summary>
    private static string Snapshot(LoopbackSalesforce salesforce)
    {
        (string Type, string Key)[] objects = [("Account", "Stripe_Customer_Id__c"), ("Contact", "Stripe_Customer_Id__c"), ("Opportunity", "Stripe_Subscription_Id__c"),
            ("Contract", "Stripe_Subscription_Id__c"), ("Stripe_Payment__c", "Stripe_Payment_Id__c"), ("Stripe_Invoice__c", "Stripe_Invoice_Id__c"),
            ("Task", "Stripe_Event_Id__c"), ("Case", "Stripe_Case_Key__c")];
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (type, key) in objects)
        {
            foreach (var record in salesforce.Records(type))
            {
                names[record["Id"]!.ToString()] = $"{type}:{record[key]}";
            }
        }

        var lines = new List<string>();
        foreach (var (type, _) in objects)
        {
            foreach (var record in salesforce.Records(type))
            {
                var fields = record.Where(f => f.Key is not ("Id" or "CreatedDate" or "LastModifiedDate" or "SystemModstamp" or "attributes"))
                    .OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => $"{f.Key}={(f.Value is not null && names.TryGetValue(f.Value.ToString(), out var name) ? name : f.Value?.ToJsonString())}");
                lines.Add($"{type} {string.Join(" ", fields)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }
}
