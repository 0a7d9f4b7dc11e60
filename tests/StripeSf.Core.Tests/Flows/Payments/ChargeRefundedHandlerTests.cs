using StripeSf.Core.Flows;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

public sealed class ChargeRefundedHandlerTests
{
    private static EventFlow Handler(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("charge.refunded", options);
    }

    [Fact]
    public void Plan_At2020WithEmbeddedRefunds_WritesOneNegativeEntryPerRefund()
    {
        var request = Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2020-08-27.json"));

        Assert.Equal(
        [
            "PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowPay",
            "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/re_FlowB",
            "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/re_FlowA",
        ], FlowFixture.Calls(request));
        FlowFixture.AssertBody("{}", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Type__c":"Refund","Amount__c":-25,"Currency__c":"USD","Status__c":"succeeded","Paid_At__c":"2020-11-14T22:29:59.000Z",
             "Charge_Id__c":"ch_Flow2020","Invoice_Id__c":"in_FlowInv2020","Card_Brand__c":"visa","Card_Last4__c":"4242",
             "Stripe_Last_Event_At__c":"2020-11-14T22:30:00.000Z","Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "refund0"));
        Assert.Equal(-50m, (decimal)FlowFixture.Body(request, "refund1")["Amount__c"]!);
        Assert.Equal("2020-11-14T22:21:40.000Z", (string?)FlowFixture.Body(request, "refund1")["Paid_At__c"]);
    }

    [Fact]
    public void Plan_At2026WithoutEmbeddedRefunds_WritesTheCumulativeRefundKeyedByCharge()
    {
        var request = Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2026-07-29.json"));

        Assert.Equal(
            ["PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowPay", "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/ch_Flow2026Ref-refunds"],
            FlowFixture.Calls(request));
        FlowFixture.AssertBody("""
            {"Type__c":"Refund","Amount__c":-30,"Currency__c":"USD","Status__c":"refunded","Paid_At__c":"2026-09-21T14:30:00.000Z",
             "Charge_Id__c":"ch_Flow2026Ref","Invoice_Id__c":null,"Card_Brand__c":"visa","Card_Last4__c":"4242",
             "Stripe_Last_Event_At__c":"2026-09-21T14:30:00.000Z","Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "refund0"));
    }

    [Fact]
    public void Plan_FullRefund_SetsCustomerHealthAtRiskWithTheBillingEventTime()
    {
        var request = Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2026-07-29.json"));

        FlowFixture.AssertBody("""{"Customer_Health__c":"At Risk","Stripe_Health_Basis__c":"At Risk","Stripe_Health_Event_At__c":"2026-09-21T14:30:00.000Z"}""", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_Redelivered_PlansTheSameWrites()
    {
        FlowFixture.AssertSamePlan(
            Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2020-08-27.json")),
            Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2020-08-27.json")));
    }

    [Fact]
    public void Plan_RefundOfGuestCharge_WritesNothing()
    {
        var request = Handler().Plan(FlowFixture.Load("payments", "charge.refunded.2026-07-29.json", e => FlowFixture.DataObject(e)["customer"] = null));

        Assert.True(request.IsEmpty);
    }
}
