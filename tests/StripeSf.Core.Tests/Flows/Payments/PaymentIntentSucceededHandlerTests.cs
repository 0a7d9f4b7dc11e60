using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

public sealed class PaymentIntentSucceededHandlerTests
{
    private static readonly EventFlow Handler = TestFlows.For("payment_intent.succeeded", FlowFixture.Options());

    private static StripeEventContext Load(string file, Action<JsonObject>? edit = null) => FlowFixture.Load("payments", file, edit);

    [Fact]
    public void Plan_At2020WithEmbeddedCharge_WritesTheSameEntryAsChargeSucceeded()
    {
        var options = FlowFixture.Options();
        var fromCharge = TestFlows.For("charge.succeeded", options).Plan(Load("charge.succeeded.2020-08-27.json"));

        var fromIntent = Handler.Plan(Load("payment_intent.succeeded.2020-08-27.json"));

        Assert.Equal(FlowFixture.Calls(fromCharge), FlowFixture.Calls(fromIntent));
        var intentEntry = FlowFixture.Body(fromIntent, "payment");
        Assert.Equal("2020-11-14T22:15:01.000Z", (string?)intentEntry["Stripe_Last_Event_At__c"]);
        intentEntry["Stripe_Last_Event_At__c"] = FlowFixture.Body(fromCharge, "payment")["Stripe_Last_Event_At__c"]!.DeepClone();
        FlowFixture.AssertBody(FlowFixture.Body(fromCharge, "payment").ToJsonString(), intentEntry);
    }

    [Fact]
    public void Plan_At2026_KeysByLatestChargeWithThreeDecimalAmountWithoutCardOrEventTime()
    {
        var request = Handler.Plan(Load("payment_intent.succeeded.2026-07-29.json"));

        Assert.Equal(
            ["PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowPay", "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/ch_Flow2026Kwd"],
            FlowFixture.Calls(request));
        FlowFixture.AssertBody("""{"Last_Payment_Date__c":"2026-09-21","Stripe_Payment_Event_At__c":"2026-09-21T14:18:20.000Z"}""", FlowFixture.Body(request, "account"));
        // A partial view, unguarded: only what charge.succeeded states alike (its paid time is the charge's, not the intent event's).
        FlowFixture.AssertBody("""
            {"Type__c":"Charge","Amount__c":12.345,"Currency__c":"KWD","Status__c":"succeeded",
             "Charge_Id__c":"ch_Flow2026Kwd","Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "payment"));
    }

    [Fact]
    public void Plan_IntentNamingNoCharge_KeysByIntentId()
    {
        var request = Handler.Plan(Load("payment_intent.succeeded.2026-07-29.json", e => FlowFixture.DataObject(e).Remove("latest_charge")));

        Assert.Equal("PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/pi_Flow2026", FlowFixture.Calls(request)[1]);
        Assert.False(FlowFixture.Body(request, "payment").ContainsKey("Charge_Id__c"));
        Assert.Equal("2026-09-21T14:18:20.000Z", (string?)FlowFixture.Body(request, "payment")["Stripe_Last_Event_At__c"]);
    }

    [Fact]
    public void Plan_WithCreateFields_NamesAccountFromReceiptEmail()
    {
        var context = Load("payment_intent.succeeded.2026-07-29.json");

        Assert.Equal("ap@acme.example", (string?)FlowFixture.Body(Handler.Plan(context).CreatingAll(), "accountCreate")["Name"]);
    }
}
