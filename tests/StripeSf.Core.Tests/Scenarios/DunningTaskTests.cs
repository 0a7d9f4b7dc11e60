using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>A failed payment's Task closes itself when the invoice is paid later, in any delivery order.</summary>
public sealed class DunningTaskTests
{
    private const long T = 1_795_200_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_InvoicePaidAfterAFailedAttempt_CompletesTheFailedPaymentTaskWithANote(bool paidFirst)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var processor = services.GetRequiredService<EventProcessor>();
        var failed = TestEvents.Minimal("invoice.payment_failed", "evt_dun_failed", created: T, dataObject:
            StripeObjects.Invoice("in_Dun1", "cus_Dun1", "sub_Dun1", "open", 5_000, 0, 1, T - 86_400, null, T - 86_400));
        var paid = TestEvents.Minimal("invoice.paid", "evt_dun_paid", created: T + 3_600, dataObject:
            StripeObjects.Invoice("in_Dun1", "cus_Dun1", "sub_Dun1", "paid", 5_000, 5_000, 2, T - 86_400, T + 3_600, T - 86_400));

        foreach (var payload in paidFirst ? new[] { paid, failed } : [failed, paid])
        {
            var outcome = await processor.ProcessAsync(new InboundMessage("m", "e", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
            Assert.IsType<ProcessingOutcome.Completed>(outcome);
        }

        var task = Assert.Single(salesforce.Records("Task"));
        Assert.Equal("in_Dun1:attempt-1", (string?)task["Stripe_Event_Id__c"]);
        Assert.Equal("Completed", (string?)task["Status"]);
        Assert.Equal($"Paid in Stripe on {DateTimeOffset.FromUnixTimeSeconds(T + 3_600):yyyy-MM-dd}", (string?)task["Stripe_Resolution__c"]);
        Assert.StartsWith("Payment failed: invoice", (string?)task["Subject"], StringComparison.Ordinal);
        Assert.Equal((string?)Assert.Single(salesforce.Records("Account"))["Id"], (string?)task["WhatId"]);
    }

    [Fact]
    public async Task Process_InvoicePaidOnTheFirstAttempt_TouchesNoTask()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var paid = TestEvents.Minimal("invoice.paid", "evt_dun_first", created: T, dataObject:
            StripeObjects.Invoice("in_Dun2", "cus_Dun2", "sub_Dun2", "paid", 5_000, 5_000, 1, T - 86_400, T, T - 86_400));

        await services.GetRequiredService<EventProcessor>().ProcessAsync(new InboundMessage("m", "e", paid, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);

        Assert.Empty(salesforce.Records("Task"));
    }
}
