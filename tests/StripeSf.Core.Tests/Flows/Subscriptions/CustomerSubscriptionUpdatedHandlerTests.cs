using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class CustomerSubscriptionUpdatedHandlerTests
{
    private const string Flow = "subscriptions";
    private const string OldUpgrade = "2020-08-27.customer.subscription.updated.upgrade.json";
    private const string OldRenewal = "2020-08-27.customer.subscription.updated.renewal.json";
    private const string CurrentQuantity = "current.customer.subscription.updated.quantity.json";
    private const string CurrentCancel = "current.customer.subscription.updated.cancel_at_period_end.json";

    [Fact]
    public void Plan_OldApiUpgradeBelowThreshold_WritesAccountAndOpportunityOnly()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, OldUpgrade));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old"),
            ("Subscription_Status__c", "active"), ("Plan_Name__c", "Pro"), ("Plan_Interval__c", "Monthly"),
            ("MRR__c", 98m), ("ARR__c", 1176m), ("Stripe_Subscription_Event_At__c", "2023-11-14T22:16:40.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old"),
            ("StageName", "Closed Won"), ("CloseDate", "2023-07-22"), ("Amount", 1176m), ("MRR__c", 98m), ("ARR__c", 1176m),
            ("Stripe_Last_Event_At__c", "2023-11-14T22:16:40.000Z"));
    }

    [Fact]
    public void Plan_OldApiUpgradeAboveThreshold_AddsExpansionOpportunityAndOwnerTask()
    {
        var request = Handler(o => o.ExpansionThresholdMrr = 50m).Plan(FlowFixture.Load(Flow, OldUpgrade));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity", "expansionOpportunity", "expansionOwner", "expansionTask"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "expansionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Renewal_Key__c/sub_Flow2Old%3Aexpansion%3Aevt_Flow2OldUpgrade"),
            ("Name", "Expansion Pro (sub_Flow2Old)"), ("Type", "Existing Customer - Upgrade"), ("StageName", "Closed Won"),
            ("CloseDate", "2023-11-14"), ("Amount", 720m), ("MRR__c", 60m), ("ARR__c", 720m),
            ("Stripe_Last_Event_At__c", "2023-11-14T22:16:40.000Z"), ("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_Flow2Old" }));
        PlanAssert.Request(request, "expansionOwner", "GET", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old?fields=Id,OwnerId");
        var task = PlanAssert.Request(request, "expansionTask", "PATCH", "sobjects/Task/Stripe_Event_Id__c/evt_Flow2OldUpgrade");
        Assert.Equal("@{expansionOwner.OwnerId}", (string?)task["OwnerId"]);
        Assert.Equal("@{expansionOwner.Id}", (string?)task["WhatId"]);
        Assert.Equal("Expansion: +60.00 USD MRR on Pro", (string?)task["Subject"]);
        Assert.Equal("Normal", (string?)task["Priority"]);
        Assert.Equal("2023-11-14", (string?)task["ActivityDate"]);
        Assert.False(task.ContainsKey("Status"));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void Plan_CurrentApiQuantityIncrease_ExpansionFromThresholdUp(int threshold, bool expansion)
    {
        var request = Handler(o => o.ExpansionThresholdMrr = threshold).Plan(FlowFixture.Load(Flow, CurrentQuantity));

        Assert.Equal(expansion, PlanAssert.References(request).Contains("expansionTask"));
        Assert.Equal(expansion, PlanAssert.References(request).Contains("expansionOpportunity"));
        Assert.Equal(750m, (decimal?)PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur")["MRR__c"]);
    }

    [Fact]
    public void Plan_OldApiRenewal_ClosesTheRenewalOfTheEndedTermWon_KeyedBySubscriptionAndTermEnd()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, OldRenewal));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity", "renewalOpportunityCreate", "renewalOpportunity", "renewalOpportunityNote"], PlanAssert.References(request));
        // The term that ended is the one the sweep keyed ahead of time: sub id + the new period's start.
        const string path = "sobjects/Opportunity/Stripe_Renewal_Key__c/sub_Flow2Old%3A2023-11-14";
        // Create-only (epoch): refused as stale for a renewal the sweep created, so its name and owner survive.
        PlanAssert.Fields(PlanAssert.Request(request, "renewalOpportunityCreate", "PATCH", path),
            ("Name", "Renewal Pro × 2 from 2023-11-14 (sub_Flow2Old)"), ("Type", "Existing Customer - Replacement"), ("StageName", "Closed Won"),
            ("CloseDate", "2023-11-14"), ("Amount", 1176m), ("MRR__c", 98m), ("ARR__c", 1176m),
            ("Stripe_Last_Event_At__c", "1970-01-01T00:00:00.000Z"), ("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_Flow2Old" }));
        PlanAssert.Fields(PlanAssert.Request(request, "renewalOpportunity", "PATCH", path),
            ("StageName", "Closed Won"), ("CloseDate", "2023-11-14"), ("Amount", 1176m), ("MRR__c", 98m), ("ARR__c", 1176m),
            ("Stripe_Last_Event_At__c", "2023-11-14T22:18:20.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "renewalOpportunityNote", "PATCH", path),
            ("Description", "Renewed in Stripe on 2023-11-14: new term 2023-11-14 to 2023-12-14."), ("Stripe_Note_Event_At__c", "2023-11-14T22:18:20.000Z"));
    }

    [Fact]
    public void Plan_RenewalWithStagesConfigured_ClosesWithTheRenewalWonStage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Renewals:WonStage"] = "Renewed" }).Build();
        var flows = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddStripeEventProcessing().BuildServiceProvider().GetRequiredService<FlowTable>();
        Assert.True(flows.TryGet("customer.subscription.updated", out var flow));

        var request = flow!.Plan(FlowFixture.Load(Flow, OldRenewal));

        Assert.Equal("Renewed", (string?)PlanAssert.Request(request, "renewalOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Renewal_Key__c/sub_Flow2Old%3A2023-11-14")["StageName"]);
        // The subscription's own Opportunity keeps the mapping's stage.
        Assert.Equal("Closed Won", (string?)PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old")["StageName"]);
    }

    [Fact]
    public void Plan_CurrentApiCancelAtPeriodEnd_PutsAccountAtRiskAndNotesTheOpportunity()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentCancel));

        Assert.Equal(["subscriptionAccount", "subscriptionAccountHealth", "subscriptionOpportunityCreate", "subscriptionOpportunity", "subscriptionOpportunityNote", "termRenewal", "termRenewalStage", "termRenewalNote"], PlanAssert.References(request));
        PlanAssert.Request(request, "termRenewal", "GET", "sobjects/Opportunity/Stripe_Renewal_Key__c/sub_Flow2Cur%3A2025-12-13?fields=Id");
        Assert.Equal("Closed Lost", (string?)PlanAssert.Request(request, "termRenewalStage", "PATCH", "sobjects/Opportunity/@{termRenewal.Id}")["StageName"]);
        Assert.Equal("Cancellation scheduled in Stripe on 2025-11-15: ends 2025-12-13.", (string?)PlanAssert.Request(request, "termRenewalNote", "PATCH", "sobjects/Opportunity/@{termRenewal.Id}")["Description"]);
        var account = PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur");
        Assert.False(account.ContainsKey("Customer_Health__c"));
        Assert.Equal(750m, (decimal?)account["MRR__c"]);
        // Health and the note are guard groups of their own: refunds and disputes decide health too, and
        // only some subscription events write a note.
        var health = PlanAssert.Request(request, "subscriptionAccountHealth", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur");
        Assert.Equal("At Risk", (string?)health["Customer_Health__c"]);
        Assert.Equal((string?)account["Stripe_Subscription_Event_At__c"], (string?)health["Stripe_Health_Event_At__c"]);
        Assert.Equal("At Risk", (string?)health["Stripe_Health_Basis__c"]);
        Assert.Equal(3, health.Count);
        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.False(opportunity.ContainsKey("Description"));
        Assert.Equal("Closed Won", (string?)opportunity["StageName"]);
        var note = PlanAssert.Request(request, "subscriptionOpportunityNote", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Cancellation scheduled in Stripe on 2025-11-15: ends 2025-12-13.", (string?)note["Description"]);
        Assert.Equal((string?)opportunity["Stripe_Last_Event_At__c"], (string?)note["Stripe_Note_Event_At__c"]);
        Assert.Equal(2, note.Count);
    }

    [Fact]
    public void Plan_Reactivation_PutsAccountBackToHealthy()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentCancel, e =>
        {
            FlowFixture.Object(e)["cancel_at_period_end"] = false;
            FlowFixture.Object(e)["cancel_at"] = null;
            e["data"]!["previous_attributes"] = JsonNode.Parse("""{"cancel_at_period_end":true,"cancel_at":1765592000}""");
        }));

        Assert.Equal("Healthy", (string?)PlanAssert.Request(request, "subscriptionAccountHealth", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur")["Customer_Health__c"]);
        Assert.Equal("Scheduled cancellation withdrawn in Stripe on 2025-11-15.",
            (string?)PlanAssert.Request(request, "subscriptionOpportunityNote", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur")["Description"]);
    }

    [Theory]
    [InlineData("""{"pause_collection":null}""", """{"behavior":"void","resumes_at":null}""", "Paused in Stripe on 2025-11-14.")]
    [InlineData("""{"pause_collection":{"behavior":"void","resumes_at":null}}""", null, "Resumed in Stripe on 2025-11-14.")]
    public void Plan_CollectionPausedOrResumed_NotesTheOpportunity(string previous, string? pauseNow, string note)
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentQuantity, e =>
        {
            FlowFixture.Object(e)["pause_collection"] = pauseNow is null ? null : JsonNode.Parse(pauseNow);
            e["data"]!["previous_attributes"] = JsonNode.Parse(previous);
        }));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity", "subscriptionOpportunityNote"], PlanAssert.References(request));
        Assert.Equal(note, (string?)PlanAssert.Request(request, "subscriptionOpportunityNote", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur")["Description"]);
    }

    [Fact]
    public void Plan_TrialConversion_ClosesTheOpportunityWonAtTrialEnd()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentQuantity, e =>
        {
            FlowFixture.Object(e)["trial_start"] = 1761800000;
            FlowFixture.Object(e)["trial_end"] = 1763000000;
            e["data"]!["previous_attributes"] = JsonNode.Parse("""{"status":"trialing"}""");
        }));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Closed Won", (string?)opportunity["StageName"]);
        Assert.Equal("2025-11-13", (string?)opportunity["CloseDate"]);
        Assert.Equal(9000m, (decimal?)opportunity["Amount"]);
    }

    [Fact]
    public void Plan_AnyEvent_CreatesAMissingOpportunityInAGuardedSubrequestAndNamesTheAccountOnlyWhenAsked()
    {
        var first = Handler(o => o.ExpansionThresholdMrr = 50m).Plan(FlowFixture.Load(Flow, OldUpgrade));
        var create = Handler(o => o.ExpansionThresholdMrr = 50m).Plan(FlowFixture.Load(Flow, OldUpgrade)).CreatingAll();

        var guarded = PlanAssert.Request(first, "subscriptionOpportunityCreate", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old");
        Assert.Equal("Pro (sub_Flow2Old)", (string?)guarded["Name"]);
        Assert.Equal("1970-01-01T00:00:00.000Z", (string?)guarded["Stripe_Last_Event_At__c"]);
        Assert.False(PlanAssert.Request(first, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old").ContainsKey("Name"));
        Assert.DoesNotContain("subscriptionAccountCreate", PlanAssert.References(first));
        Assert.Equal("Stripe customer cus_Flow2Old", (string?)PlanAssert.Request(create, "subscriptionAccountCreate", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old")["Name"]);
    }

    [Fact]
    public void Plan_Redelivered_IdenticalPlan()
    {
        var first = Handler(o => o.ExpansionThresholdMrr = 50m).Plan(FlowFixture.Load(Flow, OldUpgrade));
        var again = Handler(o => o.ExpansionThresholdMrr = 50m).Plan(FlowFixture.Load(Flow, OldUpgrade));

        Assert.Equal(PlanAssert.Text(first), PlanAssert.Text(again));
    }

    [Fact]
    public void Plan_SubscriptionsSwitchedOff_WritesNothing()
    {
        Assert.True(Handler(o => o.Flows.Subscriptions = false).Plan(FlowFixture.Load(Flow, CurrentQuantity)).IsEmpty);
    }

    private static EventFlow Handler(Action<SalesforceMappingOptions>? configure = null) =>
        TestFlows.For("customer.subscription.updated", FlowFixture.Options(configure));
}
