using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;

namespace StripeSf.Core.Tests.BillingFlows.Invoices;

public sealed class InvoicePaymentFailedHandlerTests
{
    private static EventFlow Handler(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("invoice.payment_failed", options);
    }

    private static StripeEventContext Load(string file, Action<JsonObject>? edit = null) => FlowFixture.Load("invoices", file, edit);

    [Fact]
    public void Plan_At2020_OverdueAccountInvoiceOwnerLookupThenTaskForTheOwner()
    {
        var request = Handler().Plan(Load("invoice.payment_failed.2020-08-27.json"));

        Assert.False(request.AllOrNone);
        Assert.Equal(
        [
            "PATCH sobjects/Account/Stripe_Customer_Id__c/cus_FlowInv",
            "PATCH sobjects/Stripe_Invoice__c/Stripe_Invoice_Id__c/in_FlowFail2020",
            "GET sobjects/Account/Stripe_Customer_Id__c/cus_FlowInv?fields=Id,OwnerId",
            "PATCH sobjects/Task/Stripe_Event_Id__c/in_FlowFail2020%3Aattempt-1",
            "GET query?q=SELECT%20Id%20FROM%20Account%20WHERE%20Stripe_Customer_Id__c%20%3D%20%27cus_FlowInv%27%20AND%20Past_Due_Invoices__c%20%3E%200%20AND%20Stripe_Health_Basis__c%20%21%3D%20%27Critical%27%20AND%20Customer_Health__c%20%21%3D%20%27At%20Risk%27%20LIMIT%201",
            "PATCH sobjects/Account/@{accountHealthQuery.records[0].Id}",
        ], FlowFixture.Calls(request));
        Assert.Equal(["account", "invoice", "owner", "task", "accountHealthQuery", "accountHealth"], request.Subrequests.Select(s => s.ReferenceId));
        // Customer Health At Risk only when the Account's stored facts call for it (a past-due invoice, no open dispute).
        FlowFixture.AssertBody("""{"Customer_Health__c":"At Risk"}""", FlowFixture.Body(request, "accountHealth"));
        FlowFixture.AssertBody("""{"Billing_Status__c":"Payment Overdue","Stripe_Billing_Event_At__c":"2020-11-14T22:18:20.000Z"}""", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Subject":"Payment failed: invoice ACME-0003 (1200.00 USD), attempt 1","Priority":"High",
             "OwnerId":"@{owner.OwnerId}","WhatId":"@{owner.Id}","ActivityDate":"2020-11-14",
             "Description":"Stripe could not collect invoice ACME-0003 (in_FlowFail2020).\nAttempt: 1\nNext automatic retry: 2020-11-17 22:18 UTC\nAmount due: 1200.00 USD\nAt-risk MRR: 100.00 USD (amount due normalised to a month from yearly billing)\nInvoice: https://invoice.stripe.com/i/acct_Flow/test_FlowFail2020"}
            """, FlowFixture.Body(request, "task"));
        var invoice = FlowFixture.Body(request, "invoice");
        Assert.Equal(1200m, (decimal)invoice["Amount_Due__c"]!);
        Assert.Equal("2020-11-17T22:18:20.000Z", (string?)invoice["Next_Payment_Attempt__c"]);
        Assert.Equal("sub_FlowYear", (string?)invoice["Subscription_Id__c"]);
    }

    [Fact]
    public void Plan_At2026_NormalisesQuarterlyPeriodAndSaysNoRetryIsScheduled()
    {
        var request = Handler().Plan(Load("invoice.payment_failed.2026-07-29.json"));

        Assert.Equal("PATCH sobjects/Task/Stripe_Event_Id__c/in_FlowFail2026%3Aattempt-2", FlowFixture.Calls(request)[3]);
        var description = (string?)FlowFixture.Body(request, "task")["Description"];
        Assert.Contains("Attempt: 2", description, StringComparison.Ordinal);
        Assert.Contains("Next automatic retry: none scheduled", description, StringComparison.Ordinal);
        Assert.Contains("At-risk MRR: 100.00 USD (amount due normalised to a month from every 3 months billing)", description, StringComparison.Ordinal);
        Assert.Equal("sub_FlowQuarter", (string?)FlowFixture.Body(request, "invoice")["Subscription_Id__c"]);
    }

    [Fact]
    public void Plan_Redelivered_TargetsTheSameTask()
    {
        FlowFixture.AssertSamePlan(Handler().Plan(Load("invoice.payment_failed.2020-08-27.json")), Handler().Plan(Load("invoice.payment_failed.2020-08-27.json")));
    }

    [Fact]
    public void Plan_NextAttempt_CreatesANewTask()
    {
        var first = Handler().Plan(Load("invoice.payment_failed.2020-08-27.json"));
        var second = Handler().Plan(Load("invoice.payment_failed.2020-08-27.json", e =>
        {
            e["id"] = "evt_1InvFail2020Retry";
            FlowFixture.DataObject(e)["attempt_count"] = 2;
        }));

        Assert.NotEqual(FlowFixture.Calls(first)[3], FlowFixture.Calls(second)[3]);
        Assert.EndsWith("in_FlowFail2020%3Aattempt-2", FlowFixture.Calls(second)[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Task_LeavesStatusToTheOrgDefaultSoRedeliveryNeverReopensIt()
    {
        var task = FlowFixture.Body(Handler().Plan(Load("invoice.payment_failed.2020-08-27.json")), "task");

        Assert.False(task.ContainsKey("Status"));
    }

    [Fact]
    public void Plan_OneOffInvoice_ReportsAmountDueAsAtRisk()
    {
        var request = Handler().Plan(Load("invoice.payment_failed.2020-08-27.json", e => FlowFixture.DataObject(e)["subscription"] = null));

        Assert.Contains("At-risk MRR: 1200.00 USD (amount due (not a subscription invoice))", (string?)FlowFixture.Body(request, "task")["Description"], StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TasksSwitchedOff_WritesInvoiceAndStatusWithoutOwnerLookup()
    {
        var request = Handler(FlowFixture.Options(o => o.Flows.FailedPaymentTasks = false)).Plan(Load("invoice.payment_failed.2020-08-27.json"));

        Assert.Equal(["account", "invoice", "accountHealthQuery", "accountHealth"], request.Subrequests.Select(s => s.ReferenceId));
    }

    [Fact]
    public void Plan_InvoicesSwitchedOffTasksOn_WritesOnlyTheTaskAndTheAccountItNeeds()
    {
        var request = Handler(FlowFixture.Options(o => o.Flows.Invoices = false)).Plan(Load("invoice.payment_failed.2026-07-29.json"));

        Assert.Equal(["account", "owner", "task"], request.Subrequests.Select(s => s.ReferenceId));
        FlowFixture.AssertBody("{}", FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_BothSwitchedOff_WritesNothing()
    {
        var options = FlowFixture.Options(o =>
        {
            o.Flows.Invoices = false;
            o.Flows.FailedPaymentTasks = false;
        });

        Assert.True(Handler(options).Plan(Load("invoice.payment_failed.2020-08-27.json")).IsEmpty);
    }
}
