using StripeSf.Core.Flows;
using StripeSf.Core.Flows.Disputes;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;

namespace StripeSf.Core.Tests.BillingFlows.Disputes;

public sealed class DisputeHandlersTests
{
    private static readonly EventFlow Created = TestFlows.For("charge.dispute.created", FlowFixture.Options());
    private static readonly EventFlow Closed = TestFlows.For("charge.dispute.closed", FlowFixture.Options());

    private static StripeEventContext Load(string file) => FlowFixture.Load("disputes", file);

    [Fact]
    public void Plan_CreatedAt2020_WritesCaseFindsAccountThroughTheChargeAndMarksHealthCritical()
    {
        var request = Created.Plan(Load("charge.dispute.created.2020-08-27.json"));

        Assert.False(request.AllOrNone);
        Assert.Equal(
        [
            "PATCH sobjects/Case/Stripe_Case_Key__c/dp_Flow2020",
            "GET sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/ch_Flow2020?fields=Account__c",
            "PATCH sobjects/Case/Stripe_Case_Key__c/dp_Flow2020",
            "PATCH sobjects/Account/@{charge.Account__c}",
        ], FlowFixture.Calls(request));
        Assert.Equal(["case", "charge", "caseAccount", "account"], request.Subrequests.Select(s => s.ReferenceId));
        FlowFixture.AssertBody("""
            {"Subject":"Stripe dispute (fraudulent): 49.99 USD on ch_Flow2020","Priority":"High",
             "Description":"Stripe dispute dp_Flow2020 on charge ch_Flow2020.\nReason: fraudulent\nAmount: 49.99 USD\nStatus: warning needs response\nEvidence due by: 2020-11-24 23:59 UTC\nRespond in the Stripe Dashboard: https://dashboard.stripe.com/disputes/dp_Flow2020",
             "Stripe_Last_Event_At__c":"2020-11-15T00:26:40.000Z"}
            """, FlowFixture.Body(request, "case"));
        FlowFixture.AssertBody("""{"AccountId":"@{charge.Account__c}"}""", FlowFixture.Body(request, "caseAccount"));
        FlowFixture.AssertBody("""{"Customer_Health__c":"Critical","Stripe_Health_Basis__c":"Critical","Stripe_Health_Event_At__c":"2020-11-15T00:26:40.000Z"}""", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_CreatedAt2026InJpy_DescribesWholeYenReasonAndDeadline()
    {
        var request = Created.Plan(Load("charge.dispute.created.2026-07-29.json"));

        var caseBody = FlowFixture.Body(request, "case");
        Assert.Equal("Stripe dispute (general): 5000 JPY on ch_Flow2026Jpy", (string?)caseBody["Subject"]);
        Assert.Contains("Evidence due by: 2024-08-14 23:59 UTC", (string?)caseBody["Description"], StringComparison.Ordinal);
        Assert.False(caseBody.ContainsKey("Status"));
        Assert.Equal(4, request.Subrequests.Count);
    }

    [Fact]
    public void Plan_ClosedLostAt2020_ClosesCaseAndWritesNegativeDisputeEntryOnTheChargesAccount()
    {
        var request = Closed.Plan(Load("charge.dispute.closed.2020-08-27.json"));

        Assert.Equal(
        [
            "PATCH sobjects/Case/Stripe_Case_Key__c/dp_Flow2020",
            "GET sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/ch_Flow2020?fields=Account__c",
            "PATCH sobjects/Case/Stripe_Case_Key__c/dp_Flow2020",
            "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/dp_Flow2020",
            "PATCH sobjects/Account/@{charge.Account__c}",
        ], FlowFixture.Calls(request));
        FlowFixture.AssertBody("""
            {"Subject":"Stripe dispute (fraudulent): 49.99 USD on ch_Flow2020","Priority":"High","Status":"Closed",
             "Description":"Stripe dispute dp_Flow2020 on charge ch_Flow2020.\nReason: fraudulent\nAmount: 49.99 USD\nClosed: lost\nRespond in the Stripe Dashboard: https://dashboard.stripe.com/disputes/dp_Flow2020",
             "Stripe_Last_Event_At__c":"2020-12-03T12:53:20.000Z"}
            """, FlowFixture.Body(request, "case"));
        FlowFixture.AssertBody("""
            {"Type__c":"Dispute","Amount__c":-49.99,"Currency__c":"USD","Status__c":"lost","Paid_At__c":"2020-12-03T12:53:20.000Z",
             "Charge_Id__c":"ch_Flow2020","Invoice_Id__c":null,"Stripe_Last_Event_At__c":"2020-12-03T12:53:20.000Z","Account__c":"@{charge.Account__c}"}
            """, FlowFixture.Body(request, "dispute"));
        FlowFixture.AssertBody("""{"Customer_Health__c":"At Risk","Stripe_Health_Basis__c":"At Risk","Stripe_Health_Event_At__c":"2020-12-03T12:53:20.000Z"}""", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_ClosedLostAt2026InJpy_NegativeEntryInWholeYenKeyedByDisputeId()
    {
        var request = Closed.Plan(Load("charge.dispute.closed.lost.2026-07-29.json"));

        Assert.Contains("PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/du_Flow2026", FlowFixture.Calls(request));
        var entry = FlowFixture.Body(request, "dispute");
        Assert.Equal(-5000m, (decimal)entry["Amount__c"]!);
        Assert.Equal("JPY", (string?)entry["Currency__c"]);
        Assert.Equal("visa", (string?)entry["Card_Brand__c"]);
    }

    [Fact]
    public void Plan_ClosedWonAt2026_ClosesCaseWithoutEntryAndHealthBackToHealthy()
    {
        var request = Closed.Plan(Load("charge.dispute.closed.2026-07-29.json"));

        Assert.DoesNotContain(request.Subrequests, s => s.ReferenceId == "dispute");
        Assert.Equal("Closed", (string?)FlowFixture.Body(request, "case")["Status"]);
        FlowFixture.AssertBody("""{"Customer_Health__c":"Healthy","Stripe_Health_Basis__c":"Healthy","Stripe_Health_Event_At__c":"2026-10-03T04:00:00.000Z"}""", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_Redelivered_PlansTheSameWrites()
    {
        FlowFixture.AssertSamePlan(Closed.Plan(Load("charge.dispute.closed.2020-08-27.json")), Closed.Plan(Load("charge.dispute.closed.2020-08-27.json")));
    }

    [Fact]
    public void Plan_DisputesFlowOff_WritesNothing()
    {
        var options = FlowFixture.Options(o => o.Flows.Disputes = false);

        Assert.True(TestFlows.For("charge.dispute.created", options).Plan(Load("charge.dispute.created.2020-08-27.json")).IsEmpty);
        Assert.True(TestFlows.For("charge.dispute.closed", options).Plan(Load("charge.dispute.closed.2020-08-27.json")).IsEmpty);
    }

    [Theory]
    [InlineData("warning_needs_response", "Critical")]
    [InlineData("needs_response", "Critical")]
    [InlineData("under_review", "Critical")]
    [InlineData("lost", "At Risk")]
    [InlineData("won", "Healthy")]
    [InlineData("warning_closed", "Healthy")]
    [InlineData("charge_refunded", null)]
    public void ForDispute_Status_DerivesHealthFromTheFactAlone(string status, string? health)
    {
        Assert.Equal(health, StripeSf.Core.Flows.Shared.BillingCustomerHealth.ForDispute(status, new Mapping.AccountMap()));
    }
}
