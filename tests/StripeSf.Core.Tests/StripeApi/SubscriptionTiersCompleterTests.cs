using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.StripeApi;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.StripeApi;

/// <summary>Tiered prices arrive without their tiers; the subscription is fetched from Stripe so MRR is exact.</summary>
public sealed class SubscriptionTiersCompleterTests
{
    [Fact]
    public async Task Process_TieredSubscriptionWithoutTiers_FetchesItFromStripeAndWritesTheExactMrr()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var stripe = await LoopbackStripe.StartAsync();
        stripe.Objects["/v1/subscriptions/sub_Tiered1"] = Subscription(withTiers: true).ToJsonString();

        var outcome = await ProcessAsync(salesforce, ("Stripe:ApiKey", "rk_test_tiers"), ("Stripe:ApiBase", stripe.BaseUrl));

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        var (path, _, authorization) = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/subscriptions/sub_Tiered1?expand[0]=items.data.price.tiers", Uri.UnescapeDataString(path));
        Assert.Equal("Bearer rk_test_tiers", authorization);
        Assert.Equal(56.00m, Mrr(salesforce));
    }

    [Fact]
    public async Task Process_TieredSubscriptionWithoutApiKey_IsStillWrittenWithItsApproximateMrr()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());

        var outcome = await ProcessAsync(salesforce);

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Equal(0m, Mrr(salesforce));
    }

    [Fact]
    public async Task Process_SubscriptionGoneFromStripe_UsesThePayload()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var stripe = await LoopbackStripe.StartAsync();

        var outcome = await ProcessAsync(salesforce, ("Stripe:ApiKey", "rk_test_tiers"), ("Stripe:ApiBase", stripe.BaseUrl));

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Single(stripe.Requests);
    }

    [Fact]
    public void NeedsTiers_PerUnitPrice_IsFalse()
    {
        var payload = TestEvents.Minimal("customer.subscription.created", "evt_tiers", created: 1_795_000_500, dataObject: StripeObjects.Subscription("sub_Plain", "cus_Plain", "active", 5000, 1, 1_795_000_000, 1_795_000_000));
        Assert.True(StripeEventParser.TryParse(payload, 1, out var context, out _));

        Assert.False(SubscriptionTiersCompleter.NeedsTiers(context!));
        Assert.True(StripeEventParser.TryParse(TestEvents.Minimal("customer.subscription.created", "evt_tiers", created: 1_795_000_500, dataObject: Subscription(withTiers: false)), 1, out var tiered, out _));
        Assert.True(SubscriptionTiersCompleter.NeedsTiers(tiered!));
    }

    private static async Task<ProcessingOutcome> ProcessAsync(LoopbackSalesforce salesforce, params (string, string)[] settings)
    {
        await using var services = LoopbackServices.Build(salesforce, [("Mapping:MatchContactsByEmail", "false"), .. settings]);
        return await services.GetRequiredService<EventProcessor>().ProcessAsync(
            new InboundMessage("evt_tiers", "customer.subscription.created", TestEvents.Minimal("customer.subscription.created", "evt_tiers", created: 1_795_000_500, dataObject: Subscription(withTiers: false)),
                new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
    }

    private static decimal Mrr(LoopbackSalesforce salesforce) =>
        decimal.Parse(Assert.Single(salesforce.Records("Account"))["MRR__c"]!.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);

    // Volume tiers: up to 5 seats at 10.00, above that every seat at 8.00; 7 seats → 56.00 a month.
    private static JsonObject Subscription(bool withTiers)
    {
        var subscription = StripeObjects.Subscription("sub_Tiered1", "cus_Tiered1", "active", 0, 7, 1_795_000_000, 1_795_000_000);
        var price = subscription["items"]!["data"]![0]!["price"]!.AsObject();
        price["billing_scheme"] = "tiered";
        price["tiers_mode"] = "volume";
        price["unit_amount"] = null;
        price["unit_amount_decimal"] = null;
        if (withTiers)
        {
            price["tiers"] = JsonNode.Parse("""
                [{"up_to":5,"unit_amount":1000,"unit_amount_decimal":"1000","flat_amount":null,"flat_amount_decimal":null},
                 {"up_to":null,"unit_amount":800,"unit_amount_decimal":"800","flat_amount":null,"flat_amount_decimal":null}]
                """);
        }

        return subscription;
    }
}
