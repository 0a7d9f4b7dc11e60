using StripeSf.Core.Processing;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;
using static StripeSf.Core.Tests.Matching.IdentityHarness;

namespace StripeSf.Core.Tests.Matching;

/// <summary>
/// The identity ladder of customer events, against the loopback org: Stripe id on the record →
/// Salesforce ids in the metadata → a unique email match (current, then previous) → created, each
/// link with its Match_Reason__c, every rung inside the event's one composite call.
/// </summary>
public sealed class IdentityLadderTests(ITestOutputHelper output)
{
    private const string OldEmail = "ap@acme.example.com";
    private const string NewEmail = "billing@acme.example.com";

    [Fact]
    public async Task CustomerFirstSeenThroughAnUpdateThatChangedItsEmail_AttachesTheContactByThePreviousEmail_NoSecondAccount()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        var contactId = org.SeedContact(accountId, "Payable", OldEmail);

        var outcome = await org.ProcessAsync(Event("customer.updated", "evt_prev_1", 1_795_000_500, Customer("cus_Prev1", "Acme Billing", NewEmail), previousEmail: OldEmail));

        AssertWritten(outcome);
        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal(accountId, (string?)account["Id"]);
        Assert.Equal("Acme Corp", (string?)account["Name"]);
        Assert.Equal("cus_Prev1", (string?)account["Stripe_Customer_Id__c"]);
        Assert.Equal("previous_email", (string?)account["Match_Reason__c"]);
        var contact = Assert.Single(salesforce.Records("Contact"));
        Assert.Equal(contactId, (string?)contact["Id"]);
        Assert.Equal("previous_email", (string?)contact["Match_Reason__c"]);
        Assert.Equal(NewEmail, (string?)contact["Email"]);
        Assert.Empty(salesforce.Records("Task"));
        Assert.Equal(1, salesforce.ApiCalls);
    }

    [Fact]
    public async Task CustomerUpdated_FirstSeenWithTheContactsEmail_AttachesIt()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        org.SeedContact(accountId, "Payable", OldEmail);

        AssertWritten(await org.ProcessAsync(Event("customer.updated", "evt_cur_1", 1_795_000_500, Customer("cus_Cur1", "Acme Billing", OldEmail))));

        Assert.Equal("email", (string?)Assert.Single(salesforce.Records("Account"))["Match_Reason__c"]);
        Assert.Equal("email", (string?)Assert.Single(salesforce.Records("Contact"))["Match_Reason__c"]);
    }

    [Fact]
    public async Task CurrentEmailWinsOverThePreviousOne()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var oldAccount = org.SeedAccount("Old Co");
        org.SeedContact(oldAccount, "Old", OldEmail);
        var newAccount = org.SeedAccount("New Co");
        var newContact = org.SeedContact(newAccount, "New", NewEmail);

        AssertWritten(await org.ProcessAsync(Event("customer.updated", "evt_both_1", 1_795_000_500, Customer("cus_Both1", "Acme Billing", NewEmail), previousEmail: OldEmail)));

        Assert.Equal(newAccount, (string?)org.ByStripeId("Account", "cus_Both1")!["Id"]);
        Assert.Equal(newContact, (string?)org.ByStripeId("Contact", "cus_Both1")!["Id"]);
        Assert.Equal("email", (string?)org.ByStripeId("Contact", "cus_Both1")!["Match_Reason__c"]);
        Assert.Null(org.Record("Account", oldAccount)["Stripe_Customer_Id__c"]);
        Assert.Equal(2, salesforce.Records("Account").Count);
    }

    [Fact]
    public async Task MetadataContactId_AttachesThatContactAndItsAccount_EvenWithAnotherEmail()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        var contactId = org.SeedContact(accountId, "Payable", "someone.else@acme.example.com");

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_meta_1", 1_795_000_500, Customer("cus_Meta1", "Acme Billing", NewEmail, ("salesforce_contact_id", contactId)))));

        var account = Assert.Single(salesforce.Records("Account"));
        Assert.Equal(("cus_Meta1", "metadata", "Acme Corp"), ((string?)account["Stripe_Customer_Id__c"], (string?)account["Match_Reason__c"], (string?)account["Name"]));
        var contact = Assert.Single(salesforce.Records("Contact"));
        Assert.Equal((contactId, "cus_Meta1", "metadata"), ((string?)contact["Id"], (string?)contact["Stripe_Customer_Id__c"], (string?)contact["Match_Reason__c"]));
        Assert.Equal(1, salesforce.ApiCalls);
    }

    [Fact]
    public async Task MetadataAccountId_WinsOverAnEmailMatchOnAnotherAccount()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var named = org.SeedAccount("Named In Stripe");
        var other = org.SeedAccount("Other Co");
        org.SeedContact(other, "Payable", NewEmail);

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_meta_2", 1_795_000_500, Customer("cus_Meta2", "Acme Billing", NewEmail, ("salesforce_account_id", named)))));

        Assert.Equal((named, "metadata"), ((string?)org.ByStripeId("Account", "cus_Meta2")!["Id"], (string?)org.ByStripeId("Account", "cus_Meta2")!["Match_Reason__c"]));
        Assert.Null(org.Record("Account", other)["Stripe_Customer_Id__c"]);

        // The email's Contact sits on another Account: it is not moved, the customer gets its own Contact.
        var contact = org.ByStripeId("Contact", "cus_Meta2")!;
        Assert.Equal(named, (string?)contact["AccountId"]);
        Assert.Equal("created", (string?)contact["Match_Reason__c"]);
        Assert.Equal(other, (string?)salesforce.Records("Contact").Single(c => (string?)c["LastName"] == "Payable")["AccountId"]);
    }

    [Fact]
    public async Task StripeIdOnTheRecord_WinsOverEverything_AndNoClaimTakesASecondRecord()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var linked = org.SeedAccount("Linked By Hand", stripeId: "cus_Hand1");
        var other = org.SeedAccount("Other Co");
        org.SeedContact(other, "Payable", NewEmail);

        AssertWritten(await org.ProcessAsync(Event("customer.updated", "evt_hand_1", 1_795_000_500, Customer("cus_Hand1", "Acme Billing", NewEmail))));

        Assert.Equal(linked, (string?)org.ByStripeId("Account", "cus_Hand1")!["Id"]);
        Assert.Null(org.Record("Account", other)["Stripe_Customer_Id__c"]);
        Assert.Null(org.Record("Account", linked)["Match_Reason__c"]);
        Assert.Equal(linked, (string?)org.ByStripeId("Contact", "cus_Hand1")!["AccountId"]);
        Assert.Equal(2, salesforce.Records("Account").Count);
    }

    [Fact]
    public async Task NothingMatches_CreatesBoth_WithReasonCreated_InOneCall()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_new_1", 1_795_000_500, Customer("cus_New1", "Globex Inc", NewEmail))));
        AssertWritten(await org.ProcessAsync(Event("customer.updated", "evt_new_2", 1_795_000_600, Customer("cus_New1", "Globex Inc", "ap@globex.example.com"), previousEmail: NewEmail)));

        Assert.Equal("created", (string?)Assert.Single(salesforce.Records("Account"))["Match_Reason__c"]);
        Assert.Equal("created", (string?)Assert.Single(salesforce.Records("Contact"))["Match_Reason__c"]);
        Assert.Equal(1, salesforce.ApiCalls);
    }

    [Fact]
    public async Task SeveralContactsOnOneAccount_AttachesTheOldest()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        org.SeedContact(accountId, "Newer", NewEmail, "2025-06-01T00:00:00.000+0000");
        var oldest = org.SeedContact(accountId, "Oldest", NewEmail, "2024-01-01T00:00:00.000+0000");

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_same_1", 1_795_000_500, Customer("cus_Same1", "Acme Billing", NewEmail))));

        Assert.Equal(accountId, (string?)org.ByStripeId("Account", "cus_Same1")!["Id"]);
        Assert.Equal(oldest, (string?)org.ByStripeId("Contact", "cus_Same1")!["Id"]);
        Assert.Empty(salesforce.Records("Task"));
    }

    [Fact]
    public async Task ContactsWithTheEmailOnTwoAccounts_AreNeverGuessed_CreatedUnlinkedWithOneTaskListingThem()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var acme = org.SeedAccount("Acme Corp");
        var acmeContact = org.SeedContact(acme, "Payable", NewEmail);
        var globex = org.SeedAccount("Globex Inc");
        var globexContact = org.SeedContact(globex, "Finance", NewEmail);

        var payload = Event("customer.created", "evt_amb_1", 1_795_000_500, Customer("cus_Amb1", "Who Knows", NewEmail));
        AssertWritten(await org.ProcessAsync(payload));
        AssertWritten(await org.ProcessAsync(payload));
        AssertWritten(await org.ProcessAsync(Event("customer.updated", "evt_amb_2", 1_795_000_600, Customer("cus_Amb1", "Who Knows", NewEmail))));

        Assert.Null(org.Record("Account", acme)["Stripe_Customer_Id__c"]);
        Assert.Null(org.Record("Account", globex)["Stripe_Customer_Id__c"]);
        var account = org.ByStripeId("Account", "cus_Amb1")!;
        var contact = org.ByStripeId("Contact", "cus_Amb1")!;
        Assert.Equal(("Who Knows", "created"), ((string?)account["Name"], (string?)account["Match_Reason__c"]));
        Assert.Equal("created", (string?)contact["Match_Reason__c"]);

        var task = Assert.Single(salesforce.Records("Task"));
        output.WriteLine($"{task["Subject"]}\n{task["Description"]}");
        Assert.Equal("identity:cus_Amb1:email", (string?)task["Stripe_Event_Id__c"]);
        Assert.Contains(NewEmail, (string?)task["Subject"]);
        Assert.Equal((string?)account["Id"], (string?)task["WhatId"]);
        Assert.Equal("005SALES00000001AAA", (string?)task["OwnerId"]);
        var description = (string?)task["Description"];
        foreach (var id in new[] { acme, acmeContact, globex, globexContact, (string?)contact["Id"] })
        {
            Assert.Contains(id!, description);
        }

        Assert.Contains("Acme Corp", description);
        Assert.Contains("Globex Inc", description);
    }

    [Fact]
    public async Task InvoiceFirst_TheEmailOnTwoAccounts_IsNotGuessedEither_PlaceholderCreated()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        org.SeedContact(org.SeedAccount("Acme Corp"), "Payable", NewEmail);
        org.SeedContact(org.SeedAccount("Globex Inc"), "Finance", NewEmail);
        var invoice = Testing.Scenarios.StripeObjects.Invoice("in_Amb2", "cus_Amb2", "sub_Amb2", "paid", 5000, 5000, 1, 1_795_000_000, 1_795_000_100, 1_795_000_000);
        invoice["customer_email"] = NewEmail;

        AssertWritten(await org.ProcessAsync(Testing.Stripe.TestEvents.Minimal("invoice.paid", "evt_amb_inv", invoice, created: 1_795_000_500)));

        var account = org.ByStripeId("Account", "cus_Amb2")!;
        Assert.Equal((NewEmail, "created"), ((string?)account["Name"], (string?)account["Match_Reason__c"]));
        Assert.Equal(3, salesforce.Records("Account").Count);
    }

    [Fact]
    public async Task InvoiceFirst_AUniqueEmailMatch_AttachesWithReasonEmail()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        var contactId = org.SeedContact(accountId, "Payable", NewEmail);
        var invoice = Testing.Scenarios.StripeObjects.Invoice("in_Inv3", "cus_Inv3", "sub_Inv3", "paid", 5000, 5000, 1, 1_795_000_000, 1_795_000_100, 1_795_000_000);
        invoice["customer_email"] = NewEmail;

        AssertWritten(await org.ProcessAsync(Testing.Stripe.TestEvents.Minimal("invoice.paid", "evt_inv3", invoice, created: 1_795_000_500)));

        Assert.Equal(("Acme Corp", "email"), ((string?)org.Record("Account", accountId)["Name"], (string?)org.Record("Account", accountId)["Match_Reason__c"]));
        Assert.Equal(("cus_Inv3", "email"), ((string?)org.Record("Contact", contactId)["Stripe_Customer_Id__c"], (string?)org.Record("Contact", contactId)["Match_Reason__c"]));
        Assert.Single(salesforce.Records("Account"));
    }

    [Fact]
    public async Task MatchingSwitchedOff_CreatesWithReasonCreated()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var org = new IdentityHarness(salesforce, output);
        var accountId = org.SeedAccount("Acme Corp");
        org.SeedContact(accountId, "Payable", NewEmail);

        AssertWritten(await org.ProcessAsync(Event("customer.created", "evt_off_1", 1_795_000_500, Customer("cus_Off2", "Acme Billing", NewEmail)), ("Mapping:MatchContactsByEmail", "false")));

        Assert.Equal(2, salesforce.Records("Account").Count);
        Assert.Equal("created", (string?)org.ByStripeId("Account", "cus_Off2")!["Match_Reason__c"]);
    }
}
