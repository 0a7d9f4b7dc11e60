using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Checkout;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.Subscriptions;

namespace StripeSf.Core.Tests.Checkout;

public sealed class CheckoutSessionCompletedHandlerTests
{
    private const string Flow = "checkout";
    private const string Payment = "2020-08-27.checkout.session.completed.payment.json";
    private const string OldSubscription = "2020-08-27.checkout.session.completed.subscription.json";
    private const string CurrentSubscription = "current.checkout.session.completed.subscription.json";
    private const string OpportunityId = "006Dn00000AbCdEIAV";

    [Fact]
    public void Plan_PaymentMode_WritesNothing()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Payment, e => FlowFixture.Object(e)["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = OpportunityId }));

        Assert.True(request.IsEmpty);
    }

    [Theory]
    [InlineData(OldSubscription)]
    [InlineData(CurrentSubscription)]
    public void Plan_PaidSubscriptionSessionNamingOpportunity_ClosesItAndUpsertsContract(string file)
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, file));

        Assert.False(request.AllOrNone);
        Assert.Equal(["dealAccount", "subscriptionContract", "supersededOpportunity", "deleteSupersededOpportunity", "closedOpportunity", "copySupersededRevenue", "copySupersededNote"], PlanAssert.References(request));
        Assert.Empty(PlanAssert.Request(request, "dealAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur"),
            ("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_Flow2Cur" }), ("StartDate", "2025-11-13"),
            // Older than any real event: the subscription's own event (start, term, plan) wins in either order.
            ("Stripe_Last_Event_At__c", "1970-01-01T00:00:01.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "closedOpportunity", "PATCH", $"sobjects/Opportunity/{OpportunityId}"),
            ("StageName", "Closed Won"), ("CloseDate", "2025-11-13"), ("Stripe_Subscription_Id__c", "sub_Flow2Cur"),
            ("Stripe_Last_Event_At__c", "1970-01-01T00:00:01.000Z"));
    }

    [Fact]
    public void Plan_IncludeCreateFields_NamesAccountAndDraftsContractWithDefaultTerm()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentSubscription)).CreatingAll();

        Assert.Equal("Flow Two Ltd", (string?)PlanAssert.Request(request, "dealAccountCreate", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur")["Name"]);
        var contract = PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Draft", (string?)contract["Status"]);
        Assert.Equal(12, (int?)contract["ContractTerm"]);
    }

    [Fact]
    public void Plan_TrialSessionWithoutPayment_LinksSubscriptionButLeavesStage()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentSubscription, e => FlowFixture.Object(e)["payment_status"] = "no_payment_required"));

        PlanAssert.Fields(PlanAssert.Request(request, "closedOpportunity", "PATCH", $"sobjects/Opportunity/{OpportunityId}"),
            ("Stripe_Subscription_Id__c", "sub_Flow2Cur"), ("Stripe_Last_Event_At__c", "1970-01-01T00:00:01.000Z"));
    }

    [Fact]
    public void Plan_ExpandedCustomerMetadata_ClosesTheOpportunity()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentSubscription, e =>
        {
            FlowFixture.Object(e)["metadata"] = new JsonObject();
            FlowFixture.Object(e)["customer"] = new JsonObject
            {
                ["id"] = "cus_Flow2Cur",
                ["object"] = "customer",
                ["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = "006Dn00000AbCdE" },
            };
        }));

        PlanAssert.Request(request, "closedOpportunity", "PATCH", "sobjects/Opportunity/006Dn00000AbCdE");
        PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur");
    }

    [Fact]
    public void Plan_ConfiguredMetadataKey_IsTheOneRead()
    {
        var handler = Handler(o => o.OpportunityIdMetadataKey = "sf_deal");

        var ignored = handler.Plan(FlowFixture.Load(Flow, CurrentSubscription));
        var closing = handler.Plan(FlowFixture.Load(Flow, CurrentSubscription, e => FlowFixture.Object(e)["metadata"] = new JsonObject { ["sf_deal"] = OpportunityId }));

        Assert.True(ignored.IsEmpty);
        Assert.Contains("closedOpportunity", PlanAssert.References(closing));
    }

    [Fact]
    public void Plan_SubscriptionSessionWithoutMetadata_WritesNothing()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, CurrentSubscription, e => FlowFixture.Object(e)["metadata"] = new JsonObject()));

        Assert.True(request.IsEmpty);
    }

    [Fact]
    public void Plan_InvalidOpportunityId_ThrowsUnmappableNamingTheSession()
    {
        var context = FlowFixture.Load(Flow, CurrentSubscription, e => FlowFixture.Object(e)["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = "0065000000XYZ" });

        var error = Assert.Throws<UnmappableEventException>(() => Handler().Plan(context));

        Assert.Contains("checkout session cs_test_Flow2CurSub", error.Message, StringComparison.Ordinal);
        Assert.Contains("0065000000XYZ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DealClosingSwitchedOff_WritesNothing()
    {
        Assert.True(Handler(o => o.Flows.DealClosing = false).Plan(FlowFixture.Load(Flow, CurrentSubscription)).IsEmpty);
    }

    [Fact]
    public void Plan_Redelivered_IdenticalPlan()
    {
        Assert.Equal(
            PlanAssert.Text(Handler().Plan(FlowFixture.Load(Flow, OldSubscription))),
            PlanAssert.Text(Handler().Plan(FlowFixture.Load(Flow, OldSubscription))));
    }

    private static EventFlow Handler(Action<SalesforceMappingOptions>? configure = null) =>
        TestFlows.For("checkout.session.completed", FlowFixture.Options(configure));
}
