using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Subscriptions;

/// <summary>paused, resumed and trial_will_end: the Account's subscription fields and the Opportunity, nothing else.</summary>
public sealed class SubscriptionLifecycleHandlerTests
{
    private const string Flow = "subscriptions";

    [Fact]
    public void Plan_CurrentApiPaused_OpenStageAndZeroMrr()
    {
        var request = TestFlows.For("customer.subscription.paused", FlowFixture.Options()).Plan(FlowFixture.Load(Flow, "current.customer.subscription.paused.json"));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur"),
            ("Subscription_Status__c", "paused"), ("Plan_Name__c", "Growth"), ("Plan_Interval__c", "Monthly"),
            ("MRR__c", 0m), ("ARR__c", 0m), ("Stripe_Subscription_Event_At__c", "2025-11-13T02:13:30.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur"),
            ("StageName", "Prospecting"), ("CloseDate", "2025-11-13"), ("Amount", 9000m), ("MRR__c", 0m), ("ARR__c", 0m),
            ("Stripe_Last_Event_At__c", "2025-11-13T02:13:30.000Z"));
    }

    [Fact]
    public void Plan_CurrentApiResumed_ClosedWonWithMrr()
    {
        var request = TestFlows.For("customer.subscription.resumed", FlowFixture.Options()).Plan(FlowFixture.Load(Flow, "current.customer.subscription.resumed.json"));

        var account = PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur");
        Assert.Equal("active", (string?)account["Subscription_Status__c"]);
        Assert.Equal(750m, (decimal?)account["MRR__c"]);
        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Closed Won", (string?)opportunity["StageName"]);
        Assert.Equal("2025-11-13", (string?)opportunity["CloseDate"]);
        Assert.Equal("2025-11-16T13:33:20.000Z", (string?)opportunity["Stripe_Last_Event_At__c"]);
    }

    [Fact]
    public void Plan_OldApiTrialWillEnd_TrialStageClosingAtTrialEnd()
    {
        var request = TestFlows.For("customer.subscription.trial_will_end", FlowFixture.Options()).Plan(FlowFixture.Load(Flow, "2020-08-27.customer.subscription.trial_will_end.json"));

        var account = PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old");
        Assert.Equal("trialing", (string?)account["Subscription_Status__c"]);
        Assert.Equal(0m, (decimal?)account["MRR__c"]);
        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old");
        Assert.Equal("Prospecting", (string?)opportunity["StageName"]);
        Assert.Equal("2023-11-27", (string?)opportunity["CloseDate"]);
        Assert.Equal(1176m, (decimal?)opportunity["Amount"]);
    }

    [Fact]
    public void Plan_TrialWillEndWithoutApiVersion_PlansTheSame()
    {
        var handler = TestFlows.For("customer.subscription.trial_will_end", FlowFixture.Options());
        const string File = "2020-08-27.customer.subscription.trial_will_end.json";

        var versionless = handler.Plan(FlowFixture.Load(Flow, File, e => e.Remove("api_version")));

        Assert.Equal(PlanAssert.Text(handler.Plan(FlowFixture.Load(Flow, File))), PlanAssert.Text(versionless));
    }

    [Fact]
    public void Plan_SubscriptionWithoutCustomer_ThrowsUnmappable()
    {
        var context = FlowFixture.Load(Flow, "current.customer.subscription.resumed.json", e => FlowFixture.Object(e)["customer"] = null);

        var error = Assert.Throws<UnmappableEventException>(() => TestFlows.For("customer.subscription.resumed", FlowFixture.Options()).Plan(context));

        Assert.Contains("sub_Flow2Cur", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer.subscription.paused")]
    [InlineData("customer.subscription.resumed")]
    [InlineData("customer.subscription.trial_will_end")]
    public void Plan_SubscriptionsSwitchedOff_WritesNothing(string type)
    {
        var options = FlowFixture.Options(o => o.Flows.Subscriptions = false);
        EventFlow handler = type switch
        {
            "customer.subscription.paused" => TestFlows.For("customer.subscription.paused", options),
            "customer.subscription.resumed" => TestFlows.For("customer.subscription.resumed", options),
            _ => TestFlows.For("customer.subscription.trial_will_end", options),
        };

        Assert.Equal(type, handler.EventType);
        Assert.True(handler.Plan(FlowFixture.Load(Flow, "current.customer.subscription.paused.json")).IsEmpty);
    }
}
