using StripeSf.Core.Planning;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Composite;
using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class CustomerSubscriptionDeletedHandlerTests
{
    private const string Flow = "subscriptions";
    private const string Old = "2020-08-27.customer.subscription.deleted.json";
    private const string Current = "current.customer.subscription.deleted.json";
    private const string CampaignId = "701Dn000001WinBk";

    [Fact]
    public void Plan_OldApiVersion_ChurnsAccountAndNotesTheCancellation()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Old));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "churnAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity", "subscriptionOpportunityNote", "termRenewal", "termRenewalStage", "termRenewalNote"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old"),
            ("Subscription_Status__c", "canceled"), ("Plan_Name__c", "Pro"), ("Plan_Interval__c", "Monthly"),
            ("MRR__c", 0m), ("ARR__c", 0m), ("Stripe_Subscription_Event_At__c", "2023-11-20T17:06:41.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "churnAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old"),
            ("Billing_Status__c", "Churned"), ("Stripe_Billing_Event_At__c", "2023-11-20T17:06:41.000Z"));
        // A subscription that was paying was a won deal: it stays Closed Won, its run rate drops to 0.
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old"),
            ("StageName", "Closed Won"), ("CloseDate", "2023-07-22"), ("Amount", 1176m), ("MRR__c", 0m), ("ARR__c", 0m),
            ("Stripe_Last_Event_At__c", "2023-11-20T17:06:41.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunityNote", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old"),
            ("Description", "Canceled in Stripe on 2023-11-20."), ("Stripe_Note_Event_At__c", "2023-11-20T17:06:41.000Z"));
        // The renewal of the term the cancellation ends (keyed by the period end) is closed Lost when it exists.
        PlanAssert.Request(request, "termRenewal", "GET", "sobjects/Opportunity/Stripe_Renewal_Key__c/sub_Flow2Old%3A2023-12-14?fields=Id");
        PlanAssert.Fields(PlanAssert.Request(request, "termRenewalStage", "PATCH", "sobjects/Opportunity/@{termRenewal.Id}"),
            ("StageName", "Closed Lost"), ("Stripe_Last_Event_At__c", "2023-11-20T17:06:41.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "termRenewalNote", "PATCH", "sobjects/Opportunity/@{termRenewal.Id}"),
            ("Description", "Canceled in Stripe on 2023-11-20."), ("Stripe_Note_Event_At__c", "2023-11-20T17:06:41.000Z"));
    }

    [Fact]
    public void Plan_CurrentApiVersion_WritesCancellationReasonAndComment()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current));

        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Canceled in Stripe on 2025-12-13: cancellation requested — Moving to an in-house tool",
            (string?)PlanAssert.Request(request, "subscriptionOpportunityNote", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur")["Description"]);
        Assert.Equal(0m, (decimal?)opportunity["MRR__c"]);
        Assert.Equal("Churned", (string?)PlanAssert.Request(request, "churnAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur")["Billing_Status__c"]);
    }

    [Fact]
    public void Plan_CanceledDuringTrial_ClosedLostOnTheEndDate()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current, e =>
        {
            FlowFixture.Object(e)["trial_start"] = 1764800000;
            FlowFixture.Object(e)["trial_end"] = 1766000000;
        }));

        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Closed Lost", (string?)opportunity["StageName"]);
        Assert.Equal("2025-12-13", (string?)opportunity["CloseDate"]);
        Assert.Equal(9000m, (decimal?)opportunity["Amount"]);
    }

    [Fact]
    public void Plan_WinBackCampaignConfigured_AddsTheContactByReference()
    {
        var request = Handler(o => o.WinBackCampaignId = CampaignId).Plan(FlowFixture.Load(Flow, Current));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "churnAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity", "subscriptionOpportunityNote", "termRenewal", "termRenewalStage", "termRenewalNote", "winBackContact", "winBackMember"], PlanAssert.References(request));
        PlanAssert.Request(request, "winBackContact", "GET", "sobjects/Contact/Stripe_Customer_Id__c/cus_Flow2Cur?fields=Id");
        PlanAssert.Fields(PlanAssert.Request(request, "winBackMember", "POST", "sobjects/CampaignMember"),
            ("CampaignId", CampaignId), ("ContactId", "@{winBackContact.Id}"));
    }

    [Fact]
    public void Plan_NoWinBackCampaign_AddsNoCampaignMember()
    {
        var request = Handler(o => o.WinBackCampaignId = " ").Plan(FlowFixture.Load(Flow, Current));

        Assert.DoesNotContain(request.Subrequests, s => s.Url.Contains("CampaignMember", StringComparison.Ordinal) || s.Url.Contains("Contact", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_Redelivered_IdenticalPlan()
    {
        var first = Handler(o => o.WinBackCampaignId = CampaignId).Plan(FlowFixture.Load(Flow, Current));
        var again = Handler(o => o.WinBackCampaignId = CampaignId).Plan(FlowFixture.Load(Flow, Current));

        Assert.Equal(PlanAssert.Text(first), PlanAssert.Text(again));
    }

    [Fact]
    public void Plan_SubscriptionsSwitchedOff_WritesNothing()
    {
        Assert.True(Handler(o => o.Flows.Subscriptions = false).Plan(FlowFixture.Load(Flow, Current)).IsEmpty);
    }

    [Theory]
    [InlineData("winBackMember", "DUPLICATE_VALUE", "Already a campaign member.", true)]
    [InlineData("winBackMember", "DUPLICATE_VALUE", "duplicate value found: Stripe_Customer_Id__c", false)]
    [InlineData("winBackMember", "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", false)]
    [InlineData("winBackContact", "NOT_FOUND", "The requested resource does not exist", true)]
    [InlineData("subscriptionAccount", "DUPLICATE_VALUE", "Already a campaign member.", false)]
    public void Plan_WinBackFailures_OnlyMembershipAndMissingContactCountAsDone(string reference, string code, string message, bool done)
    {
        var plan = Handler(o => o.WinBackCampaignId = "701000000000001AAA").Plan(FlowFixture.Load(Flow, Current));
        var failure = new CompositeSubrequestFailure(reference, 400, [new SalesforceError(code, message, [])], SalesforceFailureKind.Permanent, RolledBack: false);

        Assert.Equal(done, plan.RuleFor(reference).Interpret(failure) == WriteFailureMeaning.Done);
    }

    private static EventFlow Handler(Action<SalesforceMappingOptions>? configure = null) =>
        TestFlows.For("customer.subscription.deleted", FlowFixture.Options(configure));
}
