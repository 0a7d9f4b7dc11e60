using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Matching;

/// <summary>First sight of a customer attaches the Contact (and Account) sales already has for that email — never a duplicate.</summary>
public sealed class ExistingContactMatcherTests(ITestOutputHelper output)
{
    private const string Email = "ap@acme.example.com";

    [Fact]
    public async Task CustomerCreated_WithAContactSalesAlreadyHas_AttachesItAndKeepsTheAccountName()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var (accountId, contactId) = SeedSalesRecords(salesforce);

        var outcome = await ProcessAsync(salesforce, TestEvents.Minimal("customer.created", "evt_match_customer.created", created: 1_795_000_500, dataObject: StripeObjects.Customer("cus_Match1", "Acme Billing", Email, 1_795_000_000)));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal(accountId, (string?)account["Id"]);
        Assert.Equal("Acme Corp", (string?)account["Name"]);
        Assert.Equal("cus_Match1", (string?)account["Stripe_Customer_Id__c"]);
        var contact = Assert.Single(salesforce.Records("Contact"));
        Assert.Equal(contactId, (string?)contact["Id"]);
        Assert.Equal("cus_Match1", (string?)contact["Stripe_Customer_Id__c"]);
        Assert.Equal(1, salesforce.ApiCalls);
    }

    [Fact]
    public async Task CustomerCreated_WithNoContactForTheEmail_CreatesAccountAndContact()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        SeedSalesRecords(salesforce);

        await ProcessAsync(salesforce, TestEvents.Minimal("customer.created", "evt_match_customer.created", created: 1_795_000_500, dataObject: StripeObjects.Customer("cus_New1", "Globex Inc", "billing@globex.example.com", 1_795_000_000)));

        Assert.Equal(2, salesforce.Records("Account").Count);
        Assert.Equal("Globex Inc", (string?)salesforce.Records("Account").Single(a => (string?)a["Stripe_Customer_Id__c"] == "cus_New1")["Name"]);
        Assert.Equal(2, salesforce.Records("Contact").Count);
    }

    [Fact]
    public async Task InvoicePaidBeforeAnyCustomerEvent_AttachesTheSalesAccountByTheInvoiceEmail()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var (accountId, _) = SeedSalesRecords(salesforce);
        var invoice = StripeObjects.Invoice("in_Match2", "cus_Match2", "sub_Match2", "paid", 5000, 5000, 1, 1_795_000_000, 1_795_000_100, 1_795_000_000);
        invoice["customer_email"] = Email;

        var outcome = await ProcessAsync(salesforce, TestEvents.Minimal("invoice.paid", "evt_match_invoice.paid", created: 1_795_000_500, dataObject: invoice));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal(accountId, (string?)account["Id"]);
        Assert.Equal("Acme Corp", (string?)account["Name"]);
        Assert.Equal("Current", (string?)account["Billing_Status__c"]);
        Assert.Equal(accountId, (string?)Assert.Single(salesforce.Records("Stripe_Invoice__c"))["Account__c"]);
        Assert.Equal(2, salesforce.ApiCalls);
    }

    [Fact]
    public async Task CustomerCreated_WithMatchingSwitchedOff_CreatesASecondAccount()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        SeedSalesRecords(salesforce);

        await ProcessAsync(salesforce, TestEvents.Minimal("customer.created", "evt_match_customer.created", created: 1_795_000_500, dataObject: StripeObjects.Customer("cus_Off1", "Acme Billing", Email, 1_795_000_000)),
            ("Mapping:MatchContactsByEmail", "false"));

        Assert.Equal(2, salesforce.Records("Account").Count);
        Assert.Equal(1, salesforce.ApiCalls);
    }

    [Fact]
    public async Task CustomerCreated_WhenTheContactAlreadyBelongsToAnotherStripeCustomer_LeavesItAlone()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var (_, contactId) = SeedSalesRecords(salesforce, contactStripeId: "cus_Other");

        await ProcessAsync(salesforce, TestEvents.Minimal("customer.created", "evt_match_customer.created", created: 1_795_000_500, dataObject: StripeObjects.Customer("cus_Match3", "Acme Billing", Email, 1_795_000_000)));

        Assert.Equal("cus_Other", (string?)salesforce.Records("Contact").Single(c => (string?)c["Id"] == contactId)["Stripe_Customer_Id__c"]);
        Assert.Equal(2, salesforce.Records("Account").Count);
    }

    private (string AccountId, string ContactId) SeedSalesRecords(LoopbackSalesforce salesforce, string? contactStripeId = null)
    {
        var accountId = salesforce.Seed("Account", new JsonObject { ["Name"] = "Acme Corp", ["OwnerId"] = "005SALES00000001AAA" });
        var contact = new JsonObject { ["LastName"] = "Payable", ["Email"] = Email, ["AccountId"] = accountId };
        if (contactStripeId is not null)
        {
            contact["Stripe_Customer_Id__c"] = contactStripeId;
        }

        return (accountId, salesforce.Seed("Contact", contact));
    }

    private async Task<ProcessingOutcome> ProcessAsync(LoopbackSalesforce salesforce, byte[] payload, params (string, string)[] settings)
    {
        await using var services = LoopbackServices.Build(salesforce, settings);
        salesforce.ResetCalls();
        var outcome = await services.GetRequiredService<EventProcessor>().ProcessAsync(
            new InboundMessage("msg_match", "event", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
        output.WriteLine($"{outcome}; API calls: {string.Join(", ", salesforce.CallLog)}");
        return outcome;
    }
}
