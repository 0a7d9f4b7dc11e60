using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>A dispute delivered before its charge waits for it instead of being dead-lettered.</summary>
public sealed class DisputeOrderTests
{
    [Fact]
    public async Task Process_DisputeBeforeItsCharge_RetriesLaterThenLinksTheCaseOnceTheChargeIsSynced()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var processor = services.GetRequiredService<EventProcessor>();
        var dispute = TestEvents.Minimal("charge.dispute.created", "evt_dispute1", created: 1_795_000_900, dataObject: new JsonObject
        {
            ["id"] = "du_Order1", ["object"] = "dispute", ["charge"] = "ch_Order1", ["amount"] = 5000, ["currency"] = "usd",
            ["reason"] = "fraudulent", ["status"] = "needs_response", ["created"] = 1_795_000_900, ["livemode"] = false,
            ["evidence_details"] = new JsonObject { ["due_by"] = 1_795_600_000 },
        });

        var early = await processor.ProcessAsync(Message(dispute), CancellationToken.None);
        await processor.ProcessAsync(Message(TestEvents.Minimal("charge.succeeded", "evt_charge1", created: 1_795_000_100, dataObject:
            StripeObjects.Charge("ch_Order1", "cus_Order1", 5000, 0, "succeeded", 1_795_000_100))), CancellationToken.None);
        var later = await processor.ProcessAsync(Message(dispute, attempt: 2), CancellationToken.None);

        Assert.Contains("NOT_FOUND", Assert.IsType<ProcessingOutcome.RetryLater>(early).Reason, StringComparison.Ordinal);
        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(later).Kind);
        var account = Assert.Single(salesforce.Records("Account"));
        var @case = Assert.Single(salesforce.Records("Case"));
        Assert.Equal((string?)account["Id"], (string?)@case["AccountId"]);
        Assert.Equal("Critical", (string?)account["Customer_Health__c"]);
    }

    private static InboundMessage Message(byte[] payload, int attempt = 1) =>
        new("msg_order", "event", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = attempt });
}
