using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;

namespace StripeSf.Core.Tests.BillingFlows.Invoices;

public sealed class InvoiceHandlersTests
{
    private static EventFlow Paid(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("invoice.paid", options);
    }

    private static StripeEventContext Load(string file, Action<JsonObject>? edit = null) =>
        FlowFixture.Load("invoices", file, edit);

    [Fact]
    public void Plan_PaidAt2020_AccountBackToCurrentAndInvoiceWithEveryField()
    {
        var request = Paid().Plan(Load("invoice.paid.2020-08-27.json"));

        Assert.False(request.AllOrNone);
        Assert.Equal(
            ["PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowInv", "PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowInv",
             "PATCH sobjects/Stripe_Invoice__c/Stripe_Invoice_Id__c/in_FlowInv2020",
             "GET query?q=SELECT%20Id%20FROM%20Account%20WHERE%20Stripe_Customer_Id__c%20%3D%20%27cus_FlowInv%27%20AND%20Past_Due_Invoices__c%20%3D%200%20AND%20Stripe_Health_Basis__c%20%21%3D%20%27Critical%27%20AND%20Stripe_Health_Basis__c%20%21%3D%20%27At%20Risk%27%20AND%20Customer_Health__c%20%21%3D%20%27Healthy%27%20LIMIT%201",
             "PATCH sobjects/Account/@{accountHealthQuery.records[0].Id}"],
            FlowFixture.Calls(request));
        // Billing Status and Last Payment Date are guard groups of their own, one subrequest each: charges
        // write the payment date too, and a stale rejection refuses a whole subrequest.
        FlowFixture.AssertBody("""
            {"Billing_Status__c":"Current","Stripe_Billing_Event_At__c":"2020-11-14T22:15:02.000Z"}
            """, FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Last_Payment_Date__c":"2020-11-14","Stripe_Payment_Event_At__c":"2020-11-14T22:15:02.000Z"}
            """, FlowFixture.Body(request, "accountPayment"));
        FlowFixture.AssertBody("""
            {"Account__r":{"Stripe_Customer_Id__c":"cus_FlowInv"},"Number__c":"ACME-0001","Status__c":"paid",
             "Amount_Due__c":49.99,"Amount_Paid__c":49.99,"Currency__c":"USD",
             "Period_Start__c":"2020-10-15T22:13:20.000Z","Period_End__c":"2020-11-14T22:13:20.000Z","Subscription_Id__c":"sub_Flow2020",
             "Attempt_Count__c":1,"Next_Payment_Attempt__c":null,"Hosted_Invoice_Url__c":"https://invoice.stripe.com/i/acct_Flow/test_FlowInv2020",
             "Paid_At__c":"2020-11-14T22:14:59.000Z","Stripe_Last_Event_At__c":"2020-11-14T22:15:02.000Z"}
            """, FlowFixture.Body(request, "invoice"));
    }

    [Fact]
    public void Plan_PaidAt2026InJpy_ReadsSubscriptionFromParentAndWholeYen()
    {
        var request = Paid().Plan(Load("invoice.paid.2026-07-29.json"));

        FlowFixture.AssertBody("""
            {"Account__r":{"Stripe_Customer_Id__c":"cus_FlowInv"},"Number__c":"ACME-0002","Status__c":"paid",
             "Amount_Due__c":12000,"Amount_Paid__c":12000,"Currency__c":"JPY",
             "Period_Start__c":"2026-08-22T14:13:20.000Z","Period_End__c":"2026-09-21T14:13:20.000Z","Subscription_Id__c":"sub_Flow2026",
             "Attempt_Count__c":1,"Next_Payment_Attempt__c":null,"Hosted_Invoice_Url__c":"https://invoice.stripe.com/i/acct_Flow/test_FlowInv2026",
             "Paid_At__c":"2026-09-21T14:19:59.000Z","Stripe_Last_Event_At__c":"2026-09-21T14:20:00.000Z"}
            """, FlowFixture.Body(request, "invoice"));
        Assert.Equal("2026-09-21", (string?)FlowFixture.Body(request, "accountPayment")["Last_Payment_Date__c"]);
    }

    [Fact]
    public void Plan_PaymentSucceeded_WritesWhatInvoicePaidWrites()
    {
        var options = FlowFixture.Options();
        var succeeded = TestFlows.For("invoice.payment_succeeded", options).Plan(Load("invoice.payment_succeeded.2020-08-27.json"));

        FlowFixture.AssertSamePlan(Paid().Plan(Load("invoice.paid.2020-08-27.json")), succeeded);
    }

    [Fact]
    public void Plan_FinalizedAt2026_WritesInvoiceAndLeavesBillingGroupAlone()
    {
        var options = FlowFixture.Options();
        var request = TestFlows.For("invoice.finalized", options).Plan(Load("invoice.finalized.2026-07-29.json"));

        FlowFixture.AssertBody("{}", FlowFixture.Body(request, "account"));
        var invoice = FlowFixture.Body(request, "invoice");
        Assert.Equal("open", (string?)invoice["Status__c"]);
        Assert.Equal(0m, (decimal)invoice["Amount_Paid__c"]!);
        Assert.Null(invoice["Paid_At__c"]);
        Assert.Equal("2026-09-21T15:13:20.000Z", (string?)invoice["Next_Payment_Attempt__c"]);
    }

    [Fact]
    public void Plan_PaidWithNothingCollected_KeepsLastPaymentDate()
    {
        var request = Paid().Plan(Load("invoice.paid.2026-07-29.json", e => FlowFixture.DataObject(e)["amount_paid"] = 0));

        FlowFixture.AssertBody("""{"Billing_Status__c":"Current","Stripe_Billing_Event_At__c":"2026-09-21T14:20:00.000Z"}""", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_WithCreateFields_NamesAccountFromInvoiceCustomer()
    {
        Assert.Equal("Acme Corp", (string?)FlowFixture.Body(Paid().Plan(Load("invoice.paid.2020-08-27.json")).CreatingAll(), "accountCreate")["Name"]);
        Assert.Equal("billing@acme.example", (string?)FlowFixture.Body(Paid().Plan(Load("invoice.paid.2026-07-29.json")).CreatingAll(), "accountCreate")["Name"]);
    }

    [Fact]
    public void Plan_MultiCurrencyOrg_SetsCurrencyIsoCodeOnTheInvoice()
    {
        var request = Paid(FlowFixture.Options(o => o.UseCurrencyIsoCode = true)).Plan(Load("invoice.paid.2026-07-29.json"));

        Assert.Equal("JPY", (string?)FlowFixture.Body(request, "invoice")["CurrencyIsoCode"]);
    }

    [Fact]
    public void Plan_InvoicesFlowOff_WritesNothing()
    {
        var options = FlowFixture.Options(o => o.Flows.Invoices = false);

        Assert.True(Paid(options).Plan(Load("invoice.paid.2020-08-27.json")).IsEmpty);
        Assert.True(TestFlows.For("invoice.finalized", options).Plan(Load("invoice.finalized.2026-07-29.json")).IsEmpty);
        Assert.True(TestFlows.For("invoice.payment_succeeded", options).Plan(Load("invoice.payment_succeeded.2020-08-27.json")).IsEmpty);
    }

    [Fact]
    public void Plan_InvoiceWithoutCustomer_IsUnmappable()
    {
        var context = Load("invoice.paid.2020-08-27.json", e => FlowFixture.DataObject(e)["customer"] = null);

        var error = Assert.Throws<UnmappableEventException>(() => Paid().Plan(context));
        Assert.Contains("in_FlowInv2020", error.Message, StringComparison.Ordinal);
    }
}
