using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

public sealed class ChargeHandlersTests
{
    private const string ChargeUrl = "PATCH sobjects/Stripe_Payment__c/Stripe_Payment_Id__c/";
    private const string AccountUrl = "PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowPay";

    private static EventFlow Succeeded(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("charge.succeeded", options);
    }

    private static EventFlow Failed(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("charge.failed", options);
    }

    private static StripeEventContext Load(string file, Action<JsonObject>? edit = null) =>
        FlowFixture.Load("payments", file, edit);

    [Fact]
    public void Plan_ChargeSucceededAt2020_UpsertsAccountBillingGroupThenChargeEntry()
    {
        var request = Succeeded().Plan(Load("charge.succeeded.2020-08-27.json"));

        Assert.False(request.AllOrNone);
        Assert.Equal([AccountUrl, ChargeUrl + "ch_Flow2020"], FlowFixture.Calls(request));
        FlowFixture.AssertBody("""{"Last_Payment_Date__c":"2020-11-14","Stripe_Payment_Event_At__c":"2020-11-14T22:15:00.000Z"}""", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Type__c":"Charge","Amount__c":49.99,"Currency__c":"USD","Status__c":"succeeded","Paid_At__c":"2020-11-14T22:14:59.000Z",
             "Charge_Id__c":"ch_Flow2020","Invoice_Id__c":"in_FlowInv2020","Card_Brand__c":"mastercard","Card_Last4__c":"4444",
             "Stripe_Last_Event_At__c":"2020-11-14T22:15:00.000Z","Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "payment"));
    }

    [Fact]
    public void Plan_ChargeSucceededAt2026InJpy_WritesWholeYenWithoutInvoiceId()
    {
        var request = Succeeded().Plan(Load("charge.succeeded.2026-07-29.json"));

        Assert.Equal([AccountUrl, ChargeUrl + "ch_Flow2026Jpy"], FlowFixture.Calls(request));
        FlowFixture.AssertBody("""
            {"Type__c":"Charge","Amount__c":5000,"Currency__c":"JPY","Status__c":"succeeded","Paid_At__c":"2026-09-21T14:14:59.000Z",
             "Charge_Id__c":"ch_Flow2026Jpy","Invoice_Id__c":null,"Card_Brand__c":"visa","Card_Last4__c":"4242",
             "Stripe_Last_Event_At__c":"2026-09-21T14:15:00.000Z","Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "payment"));
    }

    [Fact]
    public void Plan_ChargeWithoutCustomer_WritesNothing()
    {
        Assert.True(Succeeded().Plan(Load("charge.succeeded.guest.2026-07-29.json")).IsEmpty);
    }

    [Fact]
    public void Plan_ChargeFailed_RecordsZeroAmountAndLeavesAccountBillingFieldsAlone()
    {
        var request = Failed().Plan(Load("charge.failed.2020-08-27.json"));

        Assert.Equal([AccountUrl, ChargeUrl + "ch_Flow2020Fail"], FlowFixture.Calls(request));
        FlowFixture.AssertBody("{}", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Type__c":"Charge","Amount__c":0,"Currency__c":"USD","Status__c":"failed","Charge_Id__c":"ch_Flow2020Fail",
             "Paid_At__c":null,"Invoice_Id__c":null,"Card_Brand__c":"visa","Card_Last4__c":"0002","Stripe_Last_Event_At__c":"2020-11-14T22:16:40.000Z",
             "Account__r":{"Stripe_Customer_Id__c":"cus_FlowPay"}}
            """, FlowFixture.Body(request, "payment"));
    }

    [Fact]
    public void Plan_WithCreateFields_AddsAccountNameFromBillingDetailsOnlyThen()
    {
        var first = Succeeded().Plan(Load("charge.succeeded.2020-08-27.json"));
        var replanned = Succeeded().Plan(Load("charge.succeeded.2020-08-27.json")).CreatingAll();

        Assert.False(FlowFixture.Body(first, "account").ContainsKey("Name"));
        Assert.Equal("Acme Billing", (string?)FlowFixture.Body(replanned, "accountCreate")["Name"]);
        Assert.False(FlowFixture.Body(replanned, "account").ContainsKey("Name"));
        Assert.False(FlowFixture.Body(replanned, "payment").ContainsKey("Name"));
    }

    [Fact]
    public void Plan_MultiCurrencyOrg_SetsCurrencyIsoCodeOnTheEntryOnly()
    {
        var request = Succeeded(FlowFixture.Options(o => o.UseCurrencyIsoCode = true)).Plan(Load("charge.succeeded.2026-07-29.json"));

        Assert.Equal("JPY", (string?)FlowFixture.Body(request, "payment")["CurrencyIsoCode"]);
        Assert.False(FlowFixture.Body(request, "account").ContainsKey("CurrencyIsoCode"));
    }

    [Fact]
    public void Plan_Redelivered_PlansTheSameWrites()
    {
        FlowFixture.AssertSamePlan(Succeeded().Plan(Load("charge.succeeded.2020-08-27.json")), Succeeded().Plan(Load("charge.succeeded.2020-08-27.json")));
    }

    [Fact]
    public void Plan_PaymentsFlowOff_WritesNothing()
    {
        var options = FlowFixture.Options(o => o.Flows.Payments = false);

        Assert.True(Succeeded(options).Plan(Load("charge.succeeded.2020-08-27.json")).IsEmpty);
        Assert.True(Failed(options).Plan(Load("charge.failed.2020-08-27.json")).IsEmpty);
        Assert.True(TestFlows.For("charge.refunded", options).Plan(Load("charge.refunded.2020-08-27.json")).IsEmpty);
        Assert.True(TestFlows.For("payment_intent.succeeded", options).Plan(Load("payment_intent.succeeded.2026-07-29.json")).IsEmpty);
    }
}
