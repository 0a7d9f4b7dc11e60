using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>
/// Customer Health reads At Risk while an invoice is past due and goes back to what the other facts imply
/// when it is paid, without fighting the dispute, refund and cancellation rules, in any delivery order.
/// </summary>
public sealed class DunningHealthTests
{
    private const long T = 1_795_300_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_FailedThenPaid_AtRiskWhilePastDueAndHealthyOncePaid(bool paidFirst)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var failed = Failed("in_Hl1", "cus_Hl1", T);
        var paid = Paid("in_Hl1", "cus_Hl1", T + 3_600);

        if (!paidFirst)
        {
            await ProcessAsync(services, failed);
            Assert.Equal("At Risk", Health(salesforce));
        }

        await ProcessAsync(services, paidFirst ? [paid, failed] : [paid]);

        Assert.Equal("Healthy", Health(salesforce));
        Assert.Equal(0, (int?)Assert.Single(salesforce.Records("Account"))["Past_Due_Invoices__c"]);
    }

    [Fact]
    public async Task Process_OpenDisputeWhileAnInvoiceIsFailedAndPaid_StaysCritical()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);

        await ProcessAsync(services, Charge("ch_Hl2", "cus_Hl2", T - 600), Dispute("du_Hl2", "ch_Hl2", "needs_response", closed: false, T), Failed("in_Hl2", "cus_Hl2", T + 60));
        Assert.Equal("Critical", Health(salesforce));

        await ProcessAsync(services, Paid("in_Hl2", "cus_Hl2", T + 3_600));
        Assert.Equal("Critical", Health(salesforce));
    }

    [Fact]
    public async Task Process_DisputeWonWhilePastDue_AtRiskUntilPaidThenHealthy()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);

        await ProcessAsync(services, Charge("ch_Hl3", "cus_Hl3", T - 600), Dispute("du_Hl3", "ch_Hl3", "needs_response", closed: false, T),
            Failed("in_Hl3", "cus_Hl3", T + 60), Dispute("du_Hl3", "ch_Hl3", "won", closed: true, T + 120));
        Assert.Equal("At Risk", Health(salesforce));

        await ProcessAsync(services, Paid("in_Hl3", "cus_Hl3", T + 3_600));
        Assert.Equal("Healthy", Health(salesforce));
    }

    [Fact]
    public async Task Process_FullRefundThenAPastDueInvoicePaid_StaysAtRiskFromTheRefund()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var refunded = TestEvents.Minimal("charge.refunded", "evt_hl4_refund", created: T + 30, dataObject: StripeObjects.Charge("ch_Hl4", "cus_Hl4", 5_000, 5_000, "succeeded", T - 600));

        await ProcessAsync(services, Failed("in_Hl4", "cus_Hl4", T), refunded, Paid("in_Hl4", "cus_Hl4", T + 3_600));

        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal("At Risk", (string?)account["Customer_Health__c"]);
        Assert.Equal("At Risk", (string?)account["Stripe_Health_Basis__c"]);
    }

    [Fact]
    public async Task Process_TwoInvoicesPastDueOnePaid_StaysAtRiskUntilBothArePaid()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);

        await ProcessAsync(services, Failed("in_Hl5a", "cus_Hl5", T), Failed("in_Hl5b", "cus_Hl5", T + 60), Paid("in_Hl5a", "cus_Hl5", T + 3_600));
        Assert.Equal("At Risk", Health(salesforce));
        Assert.Equal(1, (int?)Assert.Single(salesforce.Records("Account"))["Past_Due_Invoices__c"]);

        await ProcessAsync(services, Paid("in_Hl5b", "cus_Hl5", T + 7_200));
        Assert.Equal("Healthy", Health(salesforce));
    }

    [Fact]
    public async Task Process_CancellationWithdrawnWhilePastDue_AtRiskUntilPaidThenHealthy()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);

        await ProcessAsync(services, Failed("in_Hl6", "cus_Hl6", T), Updated("cus_Hl6", cancelAtPeriodEnd: true, T + 60), Updated("cus_Hl6", cancelAtPeriodEnd: false, T + 120));
        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal("Healthy", (string?)account["Stripe_Health_Basis__c"]);
        Assert.Equal("At Risk", (string?)account["Customer_Health__c"]);

        await ProcessAsync(services, Paid("in_Hl6", "cus_Hl6", T + 3_600));
        Assert.Equal("Healthy", Health(salesforce));
    }

    private static byte[] Updated(string customer, bool cancelAtPeriodEnd, long created)
    {
        var subscription = StripeObjects.Subscription("sub_" + customer[4..], customer, "active", 5_000, 1, T - 86_400, T - 86_400);
        subscription["cancel_at_period_end"] = cancelAtPeriodEnd;
        var envelope = TestEvents.Envelope("customer.subscription.updated", $"evt_{customer}_{created}", subscription, created: created);
        envelope["data"]!["previous_attributes"] = new JsonObject { ["cancel_at_period_end"] = !cancelAtPeriodEnd };
        return System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    internal static byte[] Failed(string invoice, string customer, long created, int attempt = 1) =>
        TestEvents.Minimal("invoice.payment_failed", $"evt_{invoice}_failed{attempt}", created: created, dataObject:
            StripeObjects.Invoice(invoice, customer, "sub_" + customer[4..], "open", 5_000, 0, attempt, created - 86_400, null, created - 86_400));

    internal static byte[] Paid(string invoice, string customer, long created, int attempt = 2) =>
        TestEvents.Minimal("invoice.paid", $"evt_{invoice}_paid", created: created, dataObject:
            StripeObjects.Invoice(invoice, customer, "sub_" + customer[4..], "paid", 5_000, 5_000, attempt, created - 90_000, created, created - 90_000));

    internal static async Task ProcessAsync(ServiceProvider services, params byte[][] payloads)
    {
        var processor = services.GetRequiredService<EventProcessor>();
        foreach (var payload in payloads)
        {
            var outcome = await processor.ProcessAsync(new InboundMessage("m", "e", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
            Assert.IsType<ProcessingOutcome.Completed>(outcome);
        }
    }

    private static string? Health(LoopbackSalesforce salesforce) => (string?)Assert.Single(salesforce.Records("Account"))["Customer_Health__c"];

    private static byte[] Charge(string id, string customer, long created) =>
        TestEvents.Minimal("charge.succeeded", $"evt_{id}", created: created, dataObject: StripeObjects.Charge(id, customer, 5_000, 0, "succeeded", created));

    private static byte[] Dispute(string id, string charge, string status, bool closed, long created) =>
        TestEvents.Minimal(closed ? "charge.dispute.closed" : "charge.dispute.created", $"evt_{id}_{status}", created: created, dataObject: new JsonObject
        {
            ["id"] = id, ["object"] = "dispute", ["charge"] = charge, ["amount"] = 5_000, ["currency"] = "usd",
            ["reason"] = "fraudulent", ["status"] = status, ["created"] = T, ["livemode"] = false,
            ["evidence_details"] = new JsonObject { ["due_by"] = T + 600_000 },
        });
}
