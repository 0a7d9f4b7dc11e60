using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Notifications;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.Notifications;

public sealed class NotificationComposerTests
{
    private static NotificationComposer Composer(string? salesforceUrl = null) =>
        new(Options.Create(new NotificationOptions { SalesforceUrl = salesforceUrl }), Options.Create(new SalesforceMappingOptions()));

    private static string Field(Notification n, string label) => Assert.Single(n.Fields, f => f.Label == label).Value;

    [Fact]
    public void Compose_PaymentFailed_CarriesCustomerAmountAtRiskNextRetryAndTestDashboardLinks()
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.PaymentFailed()))!;

        Assert.Equal(NotificationClass.PaymentFailed, n.Class);
        Assert.Equal("Payment failed: Acme Corp, 49.99 USD", n.Title);
        Assert.Equal("Acme Corp", Field(n, "Customer"));
        Assert.Equal("49.99 USD", Field(n, "Amount due"));
        Assert.Equal("49.99 USD", Field(n, "At-risk MRR"));
        Assert.Equal("2025-11-16 02:13 UTC", Field(n, "Next retry"));
        Assert.Equal("2", Field(n, "Attempt"));
        Assert.Contains("retries at 2025-11-16 02:13 UTC", n.Summary, StringComparison.Ordinal);
        Assert.Equal(
            ["https://dashboard.stripe.com/test/invoices/in_NotifyFail", "https://dashboard.stripe.com/test/customers/cus_Notify"],
            n.Links.Select(l => l.Url));
        Assert.Equal(49.99m, n.Amount);
        Assert.Equal("USD", n.Currency);
    }

    [Theory]
    [InlineData("jpy", 5000, "5,000 JPY")]
    [InlineData("kwd", 12345, "12.345 KWD")]
    [InlineData("usd", 123456, "1,234.56 USD")]
    public void Compose_PaymentFailed_ConvertsMinorUnitsByTheCurrencyExponent(string currency, long amountDue, string expected)
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.PaymentFailed(amountDue: amountDue, currency: currency)))!;

        Assert.Equal(expected, Field(n, "Amount due"));
    }

    [Fact]
    public void Compose_LiveEvent_LinksToTheLiveDashboard()
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.PaymentFailed(livemode: true)))!;

        Assert.True(n.Livemode);
        Assert.Equal("https://dashboard.stripe.com/invoices/in_NotifyFail", n.Links[0].Url);
    }

    [Fact]
    public void Compose_WithSalesforceUrl_LinksToTheAccountSalesforceAnswered()
    {
        // Subrequests are made by the plan builder, which records the record each addresses.
        var request = new Core.Mapping.CompositePlanBuilder().Upsert("account", "Account", "Stripe_Customer_Id__c", "cus_Notify", new JsonObject()).Build().Request;
        var response = new CompositeResponse([new CompositeSubresponse("account", 200, new JsonObject { ["id"] = "001000000000001AAA", ["created"] = false })]);

        var n = Composer("https://acme.lightning.force.com/").Compose(NotificationEvents.Context(NotificationEvents.PaymentFailed()), request, response)!;

        Assert.Equal(new NotificationLink("Account in Salesforce", "https://acme.lightning.force.com/lightning/r/Account/001000000000001AAA/view"), n.Links[0]);
    }

    [Fact]
    public void Compose_DisputeOpened_ShowsAmountReasonAndDeadline_NeverCardDetails()
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.DisputeCreated()))!;

        Assert.Equal(NotificationClass.DisputeOpened, n.Class);
        Assert.Equal("120.00 USD", Field(n, "Amount"));
        Assert.Equal("fraudulent", Field(n, "Reason"));
        Assert.Equal("2025-11-20 02:13 UTC", Field(n, "Evidence due"));
        Assert.Contains(n.Links, l => l.Url == "https://dashboard.stripe.com/test/disputes/du_Notify");
        var json = JsonSerializer.Serialize(n);
        Assert.DoesNotContain("4242", json, StringComparison.Ordinal);
        Assert.DoesNotContain("visa", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_SubscriptionDeleted_IsACancellationWithTheLostMrrAndReason()
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.SubscriptionDeleted()))!;

        Assert.Equal(NotificationClass.Cancellation, n.Class);
        Assert.Equal("150.00 USD", Field(n, "Lost MRR"));
        Assert.Equal("Pro", Field(n, "Plan"));
        Assert.Contains("cancellation requested", n.Summary, StringComparison.Ordinal);
        Assert.Contains("Too expensive", n.Summary, StringComparison.Ordinal);
        Assert.Contains("price_chaos_pro", n.Plans);
    }

    [Fact]
    public void Compose_QuantityIncreaseAboveTheExpansionThreshold_IsAnExpansion()
    {
        var n = Composer().Compose(NotificationEvents.Context(NotificationEvents.QuantityIncrease(4)))!;

        Assert.Equal(NotificationClass.Expansion, n.Class);
        Assert.Equal("+600.00 USD", Field(n, "MRR change"));
        Assert.Equal("800.00 USD", Field(n, "MRR now"));
        Assert.Equal(600m, n.Amount);
    }

    [Fact]
    public void Compose_QuantityIncreaseBelowTheThreshold_IsNotANotification()
    {
        Assert.Null(Composer().Compose(NotificationEvents.Context(NotificationEvents.QuantityIncrease(2))));
    }

    [Fact]
    public void Compose_EventNobodyActsOn_IsNull()
    {
        var charge = Testing.Scenarios.StripeObjects.Charge("ch_Ok", "cus_Notify", 1000, 0, "succeeded", NotificationEvents.Created);

        Assert.Null(Composer().Compose(NotificationEvents.Context(Testing.Stripe.TestEvents.Envelope("charge.succeeded", "evt_Ok", charge))));
    }
}
