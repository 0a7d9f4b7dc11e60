using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class CustomerSubscriptionCreatedHandlerTests
{
    private const string Flow = "subscriptions";
    private const string Old = "2020-08-27.customer.subscription.created.json";
    private const string Current = "current.customer.subscription.created.json";
    private const string OpportunityId = "006Dn00000AbCdEIAV";

    [Fact]
    public void Plan_OldApiVersion_UpsertsAccountAndSubscriptionOpportunity()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Old));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Old"),
            ("Subscription_Status__c", "active"), ("Plan_Name__c", "Pro"), ("Plan_Interval__c", "Monthly"),
            ("MRR__c", 98.00m), ("ARR__c", 1176.00m), ("Stripe_Subscription_Event_At__c", "2023-11-14T22:14:10.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Old"),
            ("StageName", "Closed Won"), ("CloseDate", "2023-07-22"), ("Amount", 1176.00m), ("MRR__c", 98.00m), ("ARR__c", 1176.00m),
            ("Stripe_Last_Event_At__c", "2023-11-14T22:14:10.000Z"));
    }

    [Fact]
    public void Plan_CurrentApiVersion_UpsertsAccountAndSubscriptionOpportunity()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur"),
            ("Subscription_Status__c", "active"), ("Plan_Name__c", "Growth"), ("Plan_Interval__c", "Monthly"),
            ("MRR__c", 750.00m), ("ARR__c", 9000.00m), ("Stripe_Subscription_Event_At__c", "2025-11-13T02:14:10.000Z"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur"),
            ("StageName", "Closed Won"), ("CloseDate", "2025-10-09"), ("Amount", 9000.00m), ("MRR__c", 750.00m), ("ARR__c", 9000.00m),
            ("Stripe_Last_Event_At__c", "2025-11-13T02:14:10.000Z"));
    }

    [Fact]
    public void Plan_NewSubscription_CreatesItsOpportunityInAGuardedSubrequestWithoutNamingTheAccount()
    {
        var first = Handler().Plan(FlowFixture.Load(Flow, Current));

        var guarded = PlanAssert.Request(first, "subscriptionOpportunityCreate", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Growth (sub_Flow2Cur)", (string?)guarded["Name"]);
        Assert.Equal("New Customer", (string?)guarded["Type"]);
        Assert.Equal("""{"Stripe_Customer_Id__c":"cus_Flow2Cur"}""", guarded["Account"]!.ToJsonString());
        Assert.Equal("1970-01-01T00:00:00.000Z", (string?)guarded["Stripe_Last_Event_At__c"]);
        var main = PlanAssert.Request(first, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.False(main.ContainsKey("Name") || main.ContainsKey("Type") || main.ContainsKey("Account"));
        Assert.False(PlanAssert.Request(first, "subscriptionAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur").ContainsKey("Name"));
    }

    [Fact]
    public void Plan_TrialingSubscription_OpenStageClosingAtTrialEndWithExpectedAmount()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current, e =>
        {
            var subscription = FlowFixture.Object(e);
            subscription["status"] = "trialing";
            subscription["trial_end"] = 1764000000;
        }));

        var opportunity = PlanAssert.Request(request, "subscriptionOpportunity", "PATCH", "sobjects/Opportunity/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Prospecting", (string?)opportunity["StageName"]);
        Assert.Equal("2025-11-24", (string?)opportunity["CloseDate"]);
        Assert.Equal(9000.00m, (decimal?)opportunity["Amount"]);
        Assert.Equal(0m, (decimal?)opportunity["MRR__c"]);
    }

    [Fact]
    public void Plan_SubscriptionMetadataNamesOpportunity_ClosesThatOpportunityAndUpsertsContract()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current, WithMetadata(OpportunityId)));

        Assert.False(request.AllOrNone);
        Assert.Equal(["subscriptionAccount", "subscriptionContract", "supersededOpportunity", "deleteSupersededOpportunity", "closedOpportunity", "copySupersededRevenue", "copySupersededNote"], PlanAssert.References(request));
        PlanAssert.Fields(PlanAssert.Request(request, "closedOpportunity", "PATCH", $"sobjects/Opportunity/{OpportunityId}"),
            ("StageName", "Closed Won"), ("CloseDate", "2025-10-09"), ("Amount", 9000.00m), ("MRR__c", 750.00m), ("ARR__c", 9000.00m),
            ("Stripe_Last_Event_At__c", "2025-11-13T02:14:10.000Z"), ("Stripe_Subscription_Id__c", "sub_Flow2Cur"));
        PlanAssert.Fields(PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur"),
            ("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_Flow2Cur" }), ("StartDate", "2025-10-09"),
            ("ContractTerm", 1), ("Plan_Name__c", "Growth"), ("Stripe_Last_Event_At__c", "2025-11-13T02:14:10.000Z"));
    }

    [Fact]
    public void Plan_ContractCreated_AddsDraftStatusOnlyThen()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current, WithMetadata(OpportunityId))).CreatingAll();

        var contract = PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal("Draft", (string?)contract["Status"]);
        Assert.Equal(1, (int?)contract["ContractTerm"]);
    }

    [Fact]
    public void Plan_ExpandedCustomerMetadataNamesOpportunity_ClosesItAtOldApiVersion()
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Old, e => FlowFixture.Object(e)["customer"] = new JsonObject
        {
            ["id"] = "cus_Flow2Old",
            ["object"] = "customer",
            ["name"] = "Old Flow Co",
            ["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = "006Dn00000AbCdE" },
        }));

        var closed = PlanAssert.Request(request, "closedOpportunity", "PATCH", "sobjects/Opportunity/006Dn00000AbCdE");
        Assert.Equal("sub_Flow2Old", (string?)closed["Stripe_Subscription_Id__c"]);
        Assert.Equal(1176.00m, (decimal?)closed["Amount"]);
        PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Old");
        Assert.DoesNotContain("subscriptionOpportunity", PlanAssert.References(request));
        Assert.DoesNotContain("subscriptionOpportunityCreate", PlanAssert.References(request));
    }

    [Theory]
    [InlineData("month", 1, 1)]
    [InlineData("month", 3, 3)]
    [InlineData("year", 1, 12)]
    [InlineData("year", 2, 24)]
    [InlineData("week", 1, 12)]
    public void Plan_ClosingDeal_ContractTermFollowsThePriceInterval(string interval, int count, int months)
    {
        var request = Handler().Plan(FlowFixture.Load(Flow, Current, e =>
        {
            WithMetadata(OpportunityId)(e);
            var item = FlowFixture.Object(e)["items"]!["data"]![0]!;
            item["price"]!["recurring"]!["interval"] = interval;
            item["price"]!["recurring"]!["interval_count"] = count;
            item["plan"]!["interval"] = interval;
            item["plan"]!["interval_count"] = count;
        }));

        var contract = PlanAssert.Request(request, "subscriptionContract", "PATCH", "sobjects/Contract/Stripe_Subscription_Id__c/sub_Flow2Cur");
        Assert.Equal(months, (int?)contract["ContractTerm"]);
    }

    [Theory]
    [InlineData("0015000000AbCdE")]
    [InlineData("006Dn00000AbCdEXXX")]
    [InlineData("006-not-an-id")]
    [InlineData("006Dn00000AbCd")]
    public void Plan_MetadataIsNotAnOpportunityId_ThrowsUnmappable(string value)
    {
        var context = FlowFixture.Load(Flow, Current, WithMetadata(value));

        var error = Assert.Throws<UnmappableEventException>(() => Handler().Plan(context));

        Assert.Contains("salesforce_opportunity_id", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("sub_Flow2Cur", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_DealClosingSwitchedOff_UpsertsTheSubscriptionOpportunity()
    {
        var request = Handler(o => o.Flows.DealClosing = false).Plan(FlowFixture.Load(Flow, Current, WithMetadata("not-checked")));

        Assert.Equal(["subscriptionAccount", "subscriptionOpportunityCreate", "subscriptionOpportunity"], PlanAssert.References(request));
    }

    [Fact]
    public void Plan_SubscriptionsSwitchedOff_OnlyClosesTheDeal()
    {
        var handler = Handler(o => o.Flows.Subscriptions = false);

        var closing = handler.Plan(FlowFixture.Load(Flow, Current, WithMetadata(OpportunityId)));
        var plain = handler.Plan(FlowFixture.Load(Flow, Current));

        Assert.Equal(["dealAccount", "subscriptionContract", "supersededOpportunity", "deleteSupersededOpportunity", "closedOpportunity", "copySupersededRevenue", "copySupersededNote"], PlanAssert.References(closing));
        Assert.Empty(PlanAssert.Request(closing, "dealAccount", "PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_Flow2Cur"));
        Assert.True(plain.IsEmpty);
    }

    [Fact]
    public void Plan_Redelivered_IdenticalPlan()
    {
        var first = Handler().Plan(FlowFixture.Load(Flow, Current, WithMetadata(OpportunityId)));
        var again = Handler().Plan(FlowFixture.Load(Flow, Current, WithMetadata(OpportunityId)));

        Assert.Equal(PlanAssert.Text(first), PlanAssert.Text(again));
    }

    private static Action<JsonObject> WithMetadata(string opportunityId) =>
        e => FlowFixture.Object(e)["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = opportunityId };

    private static EventFlow Handler(Action<SalesforceMappingOptions>? configure = null) =>
        TestFlows.For("customer.subscription.created", FlowFixture.Options(configure));
}
