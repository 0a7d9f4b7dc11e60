using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>
/// Closing the deal named in the checkout session's metadata, whichever of checkout.session.completed
/// and customer.subscription.created arrives first: one Opportunity, the sales one, Closed Won.
/// </summary>
public sealed class DealClosingOrderTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Process_CheckoutAndSubscriptionInEitherOrder_CloseTheSalesOpportunityWithoutADuplicate(bool subscriptionFirst)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce, ("Mapping:MatchContactsByEmail", "false"));
        var processor = services.GetRequiredService<EventProcessor>();
        var accountId = salesforce.Seed("Account", new JsonObject { ["Name"] = "Initech", ["Stripe_Customer_Id__c"] = "cus_Deal1" });
        var dealId = salesforce.Seed("Opportunity", new JsonObject
        {
            ["Name"] = "Initech - Enterprise", ["StageName"] = "Negotiation", ["CloseDate"] = "2026-12-31", ["AccountId"] = accountId,
        });
        var subscription = TestEvents.Minimal("customer.subscription.created", "evt_deal_sub", created: 1_795_000_010, dataObject:
            StripeObjects.Subscription("sub_Deal1", "cus_Deal1", "active", 50_000, 2, 1_795_000_000, 1_795_000_000));
        var checkout = TestEvents.Minimal("checkout.session.completed", "evt_deal_checkout", created: 1_795_000_020, dataObject: new JsonObject
        {
            ["id"] = "cs_Deal1", ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "complete",
            ["payment_status"] = "paid", ["customer"] = "cus_Deal1", ["subscription"] = "sub_Deal1", ["amount_total"] = 100_000,
            ["currency"] = "usd", ["created"] = 1_795_000_000, ["livemode"] = false,
            ["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = dealId },
            ["customer_details"] = new JsonObject { ["email"] = "it@initech.example.com", ["name"] = "Initech" },
        });

        var first = await ProcessAsync(processor, subscriptionFirst ? subscription : checkout);
        var second = await ProcessAsync(processor, subscriptionFirst ? checkout : subscription);

        Assert.IsType<ProcessingOutcome.Completed>(first);
        Assert.IsType<ProcessingOutcome.Completed>(second);
        var opportunity = Assert.Single(salesforce.Records("Opportunity"));
        Assert.Equal(dealId, (string?)opportunity["Id"]);
        Assert.Equal("Initech - Enterprise", (string?)opportunity["Name"]);
        Assert.Equal("sub_Deal1", (string?)opportunity["Stripe_Subscription_Id__c"]);
        Assert.Equal("Closed Won", (string?)opportunity["StageName"]);
        Assert.Equal(12_000m, decimal.Parse(opportunity["Amount"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_000m, decimal.Parse(opportunity["MRR__c"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("sub_Deal1", (string?)Assert.Single(salesforce.Records("Contract"))["Stripe_Subscription_Id__c"]);
    }

    private static Task<ProcessingOutcome> ProcessAsync(EventProcessor processor, byte[] payload) =>
        processor.ProcessAsync(new InboundMessage("msg_deal", "event", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
}
