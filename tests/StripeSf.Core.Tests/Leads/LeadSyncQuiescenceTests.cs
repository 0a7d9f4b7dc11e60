using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.DependencyInjection;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Leads;

/// <summary>
/// Both directions against the same loopback org and loopback Stripe: the Lead sync writes customers,
/// Stripe emits <c>customer.created</c>/<c>customer.updated</c>, the production processor applies them
/// to Salesforce (the forward direction's Lead rung), the sync runs again — until nothing changes,
/// within a bound on API calls in each system.
/// </summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class LeadSyncQuiescenceTests(AzuriteTables azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task BothDirections_SettleWithinTwoRounds_AndAnEditSettlesAgain_WithBoundedApiCalls()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var leads = h.Leads(6);
        var skipped = h.Lead("Hopper", "Navy", "grace(at)navy");
        await using var forward = Forward(h);

        var first = await SettleAsync(h, forward);

        Assert.Equal(2, first.Rounds); // one that writes, one that finds nothing changed
        Assert.Equal(6, h.Stripe.Customers.Count);
        Assert.Equal(6, first.EventsApplied);
        Assert.All(leads, id =>
        {
            Assert.Equal(h.CustomerOf(id)!["id"]!.GetValue<string>(), h.Field(id, "Stripe_Customer_Id__c"));
            Assert.Equal("Synced", h.Field(id, "Stripe_Sync_Status__c"));
            // The forward direction reached the Lead (its guard moved) and created nothing.
            Assert.NotNull(h.Field(id, "Stripe_Customer_Event_At__c"));
        });
        Assert.Empty(h.Salesforce.Records("Account"));
        Assert.Empty(h.Salesforce.Records("Contact"));
        Assert.Equal("Skipped", h.Field(skipped, "Stripe_Sync_Status__c"));
        // Stripe: search, list by email and create per new Lead, nothing else. Salesforce: a query and a
        // write-back per sync round, at most two calls per customer event.
        Assert.Equal(3 * 6, first.StripeCalls);
        Assert.InRange(first.SalesforceCalls, 1, (2 * first.Rounds) + (2 * first.EventsApplied));

        h.Edit(leads[0], new JsonObject { ["Phone"] = "+44 20 7946 0001" });
        var edit = await SettleAsync(h, forward);

        Assert.Equal(2, edit.Rounds);
        Assert.Equal(1, edit.EventsApplied);
        Assert.Equal(1, edit.StripeCalls);
        Assert.Equal("+44 20 7946 0001", h.CustomerOf(leads[0])!["phone"]!.GetValue<string>());
        Assert.InRange(edit.SalesforceCalls, 1, (2 * edit.Rounds) + (2 * edit.EventsApplied));
        output.WriteLine($"first sync: {first}; after one edit: {edit}");
    }

    private static async Task<Settled> SettleAsync(LeadSyncHarness h, ServiceProvider forward)
    {
        var salesforceBefore = h.Salesforce.ApiCalls;
        var stripeBefore = h.Stripe.CustomerRequests.Count;
        var applied = 0;
        for (var round = 1; round <= 5; round++)
        {
            var eventsBefore = h.Stripe.CustomerEvents.Count;
            var result = await h.RunAsync();
            var events = h.Stripe.CustomerEvents.Skip(eventsBefore).ToArray();
            foreach (var stripeEvent in events)
            {
                var outcome = await forward.GetRequiredService<EventProcessor>().ProcessAsync(
                    new InboundMessage(stripeEvent["id"]!.GetValue<string>(), stripeEvent["type"]!.GetValue<string>(), Encoding.UTF8.GetBytes(stripeEvent.ToJsonString()),
                        new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }),
                    CancellationToken.None);
                Assert.IsType<ProcessingOutcome.Completed>(outcome);
                applied++;
            }

            if (result.Counts.Created + result.Counts.Updated == 0 && events.Length == 0)
            {
                return new Settled(round, applied, h.Stripe.CustomerRequests.Count - stripeBefore, h.Salesforce.ApiCalls - salesforceBefore);
            }
        }

        throw new InvalidOperationException("the two directions did not settle within 5 rounds");
    }

    private static ServiceProvider Forward(LeadSyncHarness h)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = h.Salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "leads",
            ["Salesforce:ClientSecret"] = "leads",
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStripeEventProcessing()
            .AddSalesforceClient(configuration)
            .BuildServiceProvider();
    }

    private sealed record Settled(int Rounds, int EventsApplied, int StripeCalls, int SalesforceCalls);
}
