using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StripeSf.Core.Notifications;
using StripeSf.Core.Notifications.Channels;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Testing.LoopbackSalesforce;

namespace StripeSf.Core.Tests.Notifications;

/// <summary>Chatter: a post on the record the event wrote, @mentioning its owner, through the Connect REST API.</summary>
public sealed class ChatterChannelTests
{
    private static Notification Sample(SalesforceRecordRef? record) => new()
    {
        EventId = "evt_Chatter1",
        Class = NotificationClass.PaymentFailed,
        EventType = "invoice.payment_failed",
        Title = "Payment failed: Initech, 49.99 USD",
        Summary = "Attempt 1 failed; Stripe retries automatically.",
        Fields = [new NotificationField("Amount due", "49.99 USD")],
        Links = [new NotificationLink("Invoice in Stripe", "https://dashboard.stripe.com/test/invoices/in_1")],
        SalesforceRecord = record,
    };

    [Fact]
    public async Task SendAsync_RecordTheEventWrote_PostsOnItMentioningItsOwner()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var account = salesforce.Seed("Account", new JsonObject { ["Name"] = "Initech", ["OwnerId"] = "005LB0000000042AAA" });
        var channel = new ChatterChannel(services);

        await channel.SendAsync(Sample(new SalesforceRecordRef("Account", account)), CancellationToken.None);

        var post = Assert.Single(salesforce.FeedPosts);
        Assert.Equal(account, (string?)post["parent"]!["id"]);
        var segments = post["body"]!["messageSegments"]!.AsArray();
        Assert.Equal(["Mention", "Text"], segments.Select(s => (string)s!["type"]!));
        Assert.Equal("005LB0000000042AAA", (string?)segments[0]!["id"]);
        Assert.Equal(" Payment failed: Initech, 49.99 USD\nAttempt 1 failed; Stripe retries automatically.\nAmount due: 49.99 USD\nInvoice in Stripe: https://dashboard.stripe.com/test/invoices/in_1",
            (string?)segments[1]!["text"]);
    }

    [Fact]
    public async Task SendAsync_RecordGoneFromSalesforce_IsRefusedForGoodNamingIt()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var channel = new ChatterChannel(services);

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.SendAsync(Sample(new SalesforceRecordRef("Account", "001LB0000000999AAA")), CancellationToken.None));

        Assert.False(error.Transient);
        Assert.Contains("Account 001LB0000000999AAA is not in Salesforce", error.Message, StringComparison.Ordinal);
        Assert.Empty(salesforce.FeedPosts);
    }

    [Fact]
    public async Task SendAsync_SalesforceUnavailable_IsRetried()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);
        var account = salesforce.Seed("Account", new JsonObject { ["Name"] = "Initech" });
        salesforce.Faults.ServiceUnavailableRate = 1.0;
        var channel = new ChatterChannel(services);

        var error = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.SendAsync(Sample(new SalesforceRecordRef("Account", account)), CancellationToken.None));

        Assert.True(error.Transient, error.Message);
    }

    [Fact]
    public void Rules_NotificationWithoutARecord_NeverGoesToChatter()
    {
        var rules = new NotificationRules(Options.Create(new NotificationOptions { Chatter = new ChatterOptions { Enabled = true } }));

        Assert.Equal([NotificationChannelKind.Chatter], rules.ChannelsFor(Sample(new SalesforceRecordRef("Account", "001LB0000000001AAA"))));
        Assert.Empty(rules.ChannelsFor(Sample(null)));
    }

    [Fact]
    public void RecordWritten_DisputesAccountByReference_IsReadFromTheChargeEntry()
    {
        // As DisputePlanner plans it: the Case, the charge's entry, the Account by the entry's reference.
        var request = new Core.Mapping.CompositePlanBuilder()
            .Upsert("case", "Case", "Stripe_Case_Key__c", "du_1", new JsonObject())
            .Get("charge", "Stripe_Payment__c", "Stripe_Payment_Id__c", "ch_1", "Account__c")
            .Update("account", "Account", "@{charge.Account__c}", new JsonObject())
            .Build().Request;
        var response = new CompositeResponse(
        [
            new CompositeSubresponse("case", 201, new JsonObject { ["id"] = "500LB0000000001AAA" }),
            new CompositeSubresponse("charge", 200, new JsonObject { ["Account__c"] = "001LB0000000007AAA" }),
            new CompositeSubresponse("account", 204, null),
        ]);

        Assert.Equal(new SalesforceRecordRef("Account", "001LB0000000007AAA"), NotificationComposer.RecordWritten(request, response));
    }
}
