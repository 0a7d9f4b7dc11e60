using System.Text.Json.Nodes;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;
using static StripeSf.Core.Tests.Matching.IdentityHarness;

namespace StripeSf.Core.Tests.Matching;

/// <summary>
/// Loop safety: the Stripe customer the Lead → Stripe sync created (metadata <c>salesforce_lead_id</c>)
/// comes back through the forward flow. While the Lead is open only its Stripe fields are written; once
/// it is converted the customer's events attach to the converted Account and Contact, never new ones.
/// </summary>
public sealed class LeadLinkTests(ITestOutputHelper output)
{
    private const string Email = "jane@prospect.example.com";

    // The fields the reverse sync sends to Stripe: the forward flow must never change them.
    private static readonly string[] SyncedLeadFields = ["FirstName", "LastName", "Company", "Email", "Phone", "Street", "City", "PostalCode", "State", "Country", "Sync_To_Stripe__c", "Status"];

    [Fact]
    public async Task OpenLead_ItsCustomerEventsWriteOnlyTheLeadsStripeFields_NoAccountOrContact_AndChangeNothingTheReverseSyncReads()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var leadId = SeedLead(salesforce, stripeId: "cus_Lead1");
        // A Contact with the same email elsewhere must not be claimed either: the Lead is the person.
        org.SeedContact(org.SeedAccount("Somewhere Else"), "Jane", Email);
        var before = Synced(org.Record("Lead", leadId));

        var created = Event("customer.created", "evt_lead_1", 1_795_000_500, Customer("cus_Lead1", "Jane Prospect", Email, ("salesforce_lead_id", leadId)));
        var outcome = await org.ProcessAsync(created);
        Assert.Equal(1, salesforce.ApiCalls);
        await org.ProcessAsync(created);
        await org.ProcessAsync(Event("customer.updated", "evt_lead_2", 1_795_000_600, Customer("cus_Lead1", "Jane Prospect", Email, ("salesforce_lead_id", leadId))));

        var completed = Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Equal(CompletionKind.Written, completed.Kind);
        Assert.Contains("accountName, account, contact, contactEmail, contactPhone done (LeadNotConverted:", completed.Detail, StringComparison.Ordinal);
        Assert.Null(org.ByStripeId("Account", "cus_Lead1"));
        Assert.Null(org.ByStripeId("Contact", "cus_Lead1"));
        Assert.Single(salesforce.Records("Account"));
        Assert.Single(salesforce.Records("Contact"));
        var lead = org.Record("Lead", leadId);
        Assert.Equal("cus_Lead1", (string?)lead["Stripe_Customer_Id__c"]);
        Assert.Equal("2026-11-18T11:16:40.000Z", (string?)lead["Stripe_Customer_Event_At__c"]);
        Assert.Equal(before, Synced(lead));
    }

    [Fact]
    public async Task OpenLead_AnOlderEventAfterANewerOne_IsStaleForTheLead()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var leadId = SeedLead(salesforce, stripeId: null);

        await org.ProcessAsync(Event("customer.updated", "evt_lead_new", 1_795_000_600, Customer("cus_Lead2", "Jane Prospect", Email, ("salesforce_lead_id", leadId))));
        await org.ProcessAsync(Event("customer.created", "evt_lead_old", 1_795_000_500, Customer("cus_Lead2", "Jane Prospect", Email, ("salesforce_lead_id", leadId))));

        var lead = org.Record("Lead", leadId);
        Assert.Equal("cus_Lead2", (string?)lead["Stripe_Customer_Id__c"]);
        Assert.Equal("2026-11-18T11:16:40.000Z", (string?)lead["Stripe_Customer_Event_At__c"]);
    }

    [Fact]
    public async Task ConvertedLead_TheCustomerAttachesToTheConvertedAccountAndContact_NeverNewOnes()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Prospect Ltd");
        var contactId = org.SeedContact(accountId, "Prospect", Email);
        var leadId = SeedLead(salesforce, stripeId: "cus_Conv1", convertedTo: (accountId, contactId));

        var outcome = await org.ProcessAsync(Event("customer.updated", "evt_conv_1", 1_795_000_700, Customer("cus_Conv1", "Jane Prospect", Email, ("salesforce_lead_id", leadId))));
        await org.ProcessAsync(Event("customer.updated", "evt_conv_2", 1_795_000_800, Customer("cus_Conv1", "Jane Prospect", "jane@customer.example.com", ("salesforce_lead_id", leadId))));

        AssertWritten(outcome);
        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal((accountId, "cus_Conv1", "metadata", "Prospect Ltd"),
            ((string?)account["Id"], (string?)account["Stripe_Customer_Id__c"], (string?)account["Match_Reason__c"], (string?)account["Name"]));
        var contact = Assert.Single(salesforce.Records("Contact"));
        Assert.Equal((contactId, "cus_Conv1", "metadata", "jane@customer.example.com"),
            ((string?)contact["Id"], (string?)contact["Stripe_Customer_Id__c"], (string?)contact["Match_Reason__c"], (string?)contact["Email"]));
        Assert.Equal("Jane", (string?)contact["FirstName"]);
        // A converted Lead refuses updates: its Stripe fields stay as the sync left them.
        Assert.Null(org.Record("Lead", leadId)["Stripe_Customer_Event_At__c"]);
    }

    [Fact]
    public async Task ConvertedLead_WhoseConversionMappedTheStripeIdOntoTheContact_AttachesTheAccountToo()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Prospect Ltd");
        var contactId = salesforce.Seed("Contact", new JsonObject { ["LastName"] = "Prospect", ["Email"] = Email, ["AccountId"] = accountId, ["Stripe_Customer_Id__c"] = "cus_Conv2" });
        var leadId = SeedLead(salesforce, stripeId: "cus_Conv2", convertedTo: (accountId, contactId));

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_conv_3", 1_795_000_700, Customer("cus_Conv2", "Jane Prospect", Email, ("salesforce_lead_id", leadId)))));

        Assert.Equal((accountId, "metadata"), ((string?)org.ByStripeId("Account", "cus_Conv2")!["Id"], (string?)org.ByStripeId("Account", "cus_Conv2")!["Match_Reason__c"]));
        Assert.Equal((contactId, "metadata"), ((string?)org.ByStripeId("Contact", "cus_Conv2")!["Id"], (string?)org.ByStripeId("Contact", "cus_Conv2")!["Match_Reason__c"]));
        Assert.Single(salesforce.Records("Account"));
        Assert.Single(salesforce.Records("Contact"));
    }

    [Fact]
    public async Task LeadConvertedIntoAnAccountOfAnotherStripeCustomer_TakesNothingFromIt()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Existing Customer", stripeId: "cus_Other");
        var contactId = org.SeedContact(accountId, "Prospect", Email);
        var leadId = SeedLead(salesforce, stripeId: "cus_Conv3", convertedTo: (accountId, contactId));

        var outcome = Assert.IsType<ProcessingOutcome.Completed>(await org.ProcessAsync(Event("customer.created", "evt_conv_4", 1_795_000_700, Customer("cus_Conv3", "Jane Prospect", Email, ("salesforce_lead_id", leadId)))));

        Assert.Equal(CompletionKind.NothingToWrite, outcome.Kind);
        Assert.Contains("LeadNotConverted", outcome.Detail);

        Assert.Equal("cus_Other", (string?)org.Record("Account", accountId)["Stripe_Customer_Id__c"]);
        Assert.Null(org.Record("Contact", contactId)["Stripe_Customer_Id__c"]);
        Assert.Null(org.ByStripeId("Account", "cus_Conv3"));
    }

    private static string SeedLead(LoopbackSalesforce salesforce, string? stripeId, (string AccountId, string ContactId)? convertedTo = null)
    {
        var lead = new JsonObject
        {
            ["FirstName"] = "Jane", ["LastName"] = "Prospect", ["Company"] = "Prospect Ltd", ["Email"] = Email, ["Phone"] = "+1 415 555 0199",
            ["City"] = "Oakland", ["Country"] = "US", ["Status"] = "Working", ["Sync_To_Stripe__c"] = true, ["Stripe_Customer_Id__c"] = stripeId,
        };
        if (convertedTo is { } records)
        {
            lead["IsConverted"] = true;
            lead["ConvertedAccountId"] = records.AccountId;
            lead["ConvertedContactId"] = records.ContactId;
            lead["Status"] = "Closed - Converted";
        }

        return salesforce.Seed("Lead", lead);
    }

    private static string Synced(JsonObject lead) => string.Join("|", SyncedLeadFields.Select(f => $"{f}={lead[f]?.ToJsonString()}"));
}
