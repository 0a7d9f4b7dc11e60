using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>Who names the Account: the customer's events over placeholders; nobody over sales.</summary>
public sealed class NameOwnershipTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("invoice-first")]
    [InlineData("customer-first")]
    [InlineData("updated-before-created")]
    public async Task Process_AnyOrder_EndsWithTheCustomersName(string order)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var processor = services.GetRequiredService<EventProcessor>();
        var created = TestEvents.Minimal("customer.created", "evt_n_created", created: 1_795_000_000, dataObject: StripeObjects.Customer("cus_Name1", "Hooli", "first@hooli.example.com", 1_795_000_000));
        var updated = TestEvents.Minimal("customer.updated", "evt_n_updated", created: 1_795_000_600, dataObject: StripeObjects.Customer("cus_Name1", "Hooli", "billing@hooli.example.com", 1_795_000_000));
        var invoice = TestEvents.Minimal("invoice.finalized", "evt_n_invoice", created: 1_795_000_300, dataObject:
            StripeObjects.Invoice("in_Name1", "cus_Name1", "sub_Name1", "open", 100, 0, 0, 1_795_000_000, null, 1_795_000_300));
        byte[][] sequence = order switch
        {
            "invoice-first" => [invoice, created, updated],
            "customer-first" => [created, updated, invoice],
            _ => [invoice, updated, created],
        };

        foreach (var payload in sequence)
        {
            var outcome = await processor.ProcessAsync(new InboundMessage("m", "e", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
            output.WriteLine($"{outcome} | {string.Join(" ; ", salesforce.Records("Account").Select(a => a.ToJsonString()))}");
        }

        Assert.Equal("Hooli", (string?)Assert.Single(salesforce.Records("Account"))["Name"]);
    }
}
