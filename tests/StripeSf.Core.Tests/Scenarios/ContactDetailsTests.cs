using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>Stripe fills the Contact's email and phone only with what it states; it never clears what sales entered.</summary>
public sealed class ContactDetailsTests
{
    [Fact]
    public async Task Process_CustomerWithoutPhone_KeepsThePhoneSalesEnteredOnTheMatchedContact()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var processor = services.GetRequiredService<EventProcessor>();
        var account = salesforce.Seed("Account", new JsonObject { ["Name"] = "Initech (sales)" });
        salesforce.Seed("Contact", new JsonObject { ["LastName"] = "Lumbergh", ["Email"] = "bill@initech.example", ["Phone"] = "+1 512 555 0199", ["AccountId"] = account });

        var customer = StripeObjects.Customer("cus_Details1", "Bill Lumbergh", "bill@initech.example", 1_795_000_000);
        customer["phone"] = null;
        var created = TestEvents.Minimal("customer.created", "evt_d_created", created: 1_795_000_000, dataObject: customer);
        var later = (JsonObject)customer.DeepClone();
        later["email"] = "william@initech.example";
        var updated = TestEvents.Minimal("customer.updated", "evt_d_updated", created: 1_795_000_600, dataObject: later);

        foreach (var payload in new[] { created, updated })
        {
            await processor.ProcessAsync(new InboundMessage("m", "e", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
        }

        var contact = Assert.Single(salesforce.Records("Contact"));
        Assert.Equal("cus_Details1", (string?)contact["Stripe_Customer_Id__c"]);
        Assert.Equal("+1 512 555 0199", (string?)contact["Phone"]);
        Assert.Equal("william@initech.example", (string?)contact["Email"]);
    }

    [Fact]
    public async Task Process_NewerPhoneThenOlderPhone_TheNewerStatedPhoneWins()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var processor = services.GetRequiredService<EventProcessor>();
        var older = StripeObjects.Customer("cus_Details2", "Peter Gibbons", "peter@initech.example", 1_795_000_000);
        older["phone"] = "+1 512 555 0001";
        var newer = (JsonObject)older.DeepClone();
        newer["phone"] = "+1 512 555 0002";

        foreach (var payload in new[]
        {
            TestEvents.Minimal("customer.updated", "evt_d_new", created: 1_795_000_900, dataObject: newer),
            TestEvents.Minimal("customer.created", "evt_d_old", created: 1_795_000_000, dataObject: older),
        })
        {
            await processor.ProcessAsync(new InboundMessage("m", "e", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
        }

        Assert.Equal("+1 512 555 0002", (string?)Assert.Single(salesforce.Records("Contact"))["Phone"]);
    }
}
