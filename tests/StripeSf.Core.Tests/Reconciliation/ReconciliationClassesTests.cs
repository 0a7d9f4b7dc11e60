using System.Text.Json.Nodes;
using StripeSf.Core.Reconciliation;
using StripeSf.Testing.Scenarios;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Reconciliation;

/// <summary>
/// Each discrepancy class seeded alone, next to objects that agree, over real HTTP against
/// LoopbackStripe and LoopbackSalesforce: the run finds exactly that discrepancy and nothing else.
/// </summary>
public sealed class ReconciliationClassesTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    // The window is 2026-11-21; with the default 14-day grace, deals closed on 2026-11-07 are judged tonight.
    private static readonly DateOnly GraceEndsTonight = new(2026, 11, 7);

    [Fact]
    public async Task Check_ClosedWonSubscriptionNeverPaid_FindsExactlyClosedWonWithoutPayment()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        var unpaid = harness.SalesforceOpportunity("sub_cw_unpaid", 1200m, GraceEndsTonight);
        harness.Stripe.Add("subscriptions", StripeObjects.Subscription("sub_cw_unpaid", "cus_recon", "active", 10000, 1, ReconciliationHarness.At(-14 * 24 * Hour), ReconciliationHarness.At(-14 * 24 * Hour)));
        // Paid three days after the close: inside the grace period.
        harness.SalesforceOpportunity("sub_cw_paid", 600m, GraceEndsTonight);
        harness.Stripe.Add("invoices", StripeObjects.Invoice("in_cw_paid", "cus_recon", "sub_cw_paid", "paid", 5000, 5000, 1, ReconciliationHarness.At(-11 * 24 * Hour), ReconciliationHarness.At(-11 * 24 * Hour), ReconciliationHarness.At(-11 * 24 * Hour)));
        // Closed a day later: its grace period ends tomorrow, so tonight says nothing about it.
        harness.SalesforceOpportunity("sub_cw_tomorrow", 600m, GraceEndsTonight.AddDays(1));
        // Not a Stripe deal (no subscription, no customer): not reconciled.
        harness.SalesforceOpportunity(null, 900m, GraceEndsTonight);

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        Assert.Equal((DiscrepancyKind.ClosedWonWithoutPayment, "sub_cw_unpaid", unpaid, 1200m), (found.Kind, found.Id, found.Salesforce!.RecordId, found.Amount));
        Assert.Equal(1, report.DiscrepancyCount);
        Assert.Contains("14-day grace period (2026-11-22)", found.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ClosedWonCustomerWithoutCharge_FindsExactlyClosedWonWithoutPayment()
    {
        await using var harness = await ReconciliationHarness.StartAsync(configure: o => o.ClosedWonGraceDays = 3);
        var closed = new DateOnly(2026, 11, 18);
        harness.SalesforceOpportunity(null, 450m, closed, customerId: "cus_cw_unpaid");
        harness.SalesforceOpportunity(null, 300m, closed, customerId: "cus_cw_paid");
        var paid = StripeObjects.Charge("ch_cw_paid", "cus_cw_paid", 30000, 0, "succeeded", ReconciliationHarness.At(-2 * 24 * Hour));
        harness.Stripe.Add("charges", paid);
        // A failed attempt is no payment.
        harness.Stripe.Add("charges", StripeObjects.Charge("ch_cw_failed", "cus_cw_unpaid", 45000, 0, "failed", ReconciliationHarness.At(-2 * 24 * Hour)));

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        Assert.Equal((DiscrepancyKind.ClosedWonWithoutPayment, ReconciledObjectType.Customer, "cus_cw_unpaid", 450m), (found.Kind, found.Type, found.Id, found.Amount));
    }

    [Fact]
    public async Task Check_PayingSubscriptionWithoutOpportunity_FindsExactlyRevenueWithoutOpportunity()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeInvoice("in_rw_1", 3000, -30 * 24 * Hour, 2 * Hour, subscription: "sub_rw");
        harness.SalesforceInvoice("in_rw_1", 30m, 2 * Hour);
        harness.StripeInvoice("in_rw_2", 1250, Hour, 3 * Hour, subscription: "sub_rw");
        harness.SalesforceInvoice("in_rw_2", 12.50m, 3 * Hour);
        harness.StripeInvoice("in_ok", 5000, Hour, 4 * Hour, subscription: "sub_ok");
        harness.SalesforceInvoice("in_ok", 50m, 4 * Hour);
        harness.SubscriptionWithOpportunity("sub_ok");

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        // Both invoices of the subscription in the window: one discrepancy with what it collected.
        Assert.Equal((DiscrepancyKind.RevenueWithoutOpportunity, "sub_rw", 42.50m, "USD"), (found.Kind, found.Id, found.Amount, found.Currency));
        Assert.Null(found.Salesforce);
    }

    [Fact]
    public async Task Check_OpportunityAmountDiffersFromAcv_FindsExactlyOpportunityAmountMismatch()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeInvoice("in_am", 10000, Hour, 2 * Hour, subscription: "sub_am");
        harness.SalesforceInvoice("in_am", 100m, 2 * Hour);
        // Two seats at 50.00 a month: ACV 1,200.00; the deal says 1,000.00.
        var deal = harness.SubscriptionWithOpportunity("sub_am", quantity: 2, opportunityAmount: 1000m);
        harness.StripeInvoice("in_same", 5000, Hour, 3 * Hour, subscription: "sub_same");
        harness.SalesforceInvoice("in_same", 50m, 3 * Hour);
        harness.SubscriptionWithOpportunity("sub_same");

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        Assert.Equal((DiscrepancyKind.OpportunityAmountMismatch, "sub_am", deal, 1200m, 1000m, 200m),
            (found.Kind, found.Id, found.Salesforce!.RecordId, found.Stripe!.Amount, found.Salesforce.Amount, found.Amount));
        // The subscriptions came expanded in the invoice list: no GET per subscription.
        Assert.Contains(harness.Stripe.Requests, r => r.Path.StartsWith("/v1/invoices?", StringComparison.Ordinal) && r.Path.Contains("expand", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Stripe.Requests, r => r.Path.StartsWith("/v1/subscriptions/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("amount")]
    [InlineData("status")]
    [InlineData("cumulative")]
    public async Task Check_RefundDisagreement_FindsExactlyThatClass(string seeded)
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        // Agreeing: a refund with its own entry, and a charge refunded twice whose cumulative entry holds the total.
        harness.StripeRefund("re_ok", "ch_ok", 1000, Hour);
        harness.SalesforceEntry("re_ok", "Refund", -10m, "succeeded", Hour);
        harness.Stripe.Add("charges", StripeObjects.Charge("ch_twice", "cus_recon", 5000, 2500, "succeeded", ReconciliationHarness.At(-5 * 24 * Hour)));
        harness.StripeRefund("re_twice_1", "ch_twice", 1000, 2 * Hour);
        harness.StripeRefund("re_twice_2", "ch_twice", 1500, 3 * Hour);
        harness.SalesforceEntry("ch_twice-refunds", "Refund", -25m, "partially_refunded", 3 * Hour);
        // A failed refund moved no money: no entry is owed.
        harness.StripeRefund("re_failed", "ch_failed", 700, 4 * Hour, status: "failed");

        var (kind, id) = seeded switch
        {
            "missing" => Seed(() => harness.StripeRefund("re_missing", "ch_missing", 1200, 5 * Hour), DiscrepancyKind.Missing, "re_missing"),
            "amount" => Seed(() =>
            {
                harness.StripeRefund("re_amount", "ch_amount", 1200, 5 * Hour);
                harness.SalesforceEntry("re_amount", "Refund", -2m, "succeeded", 5 * Hour);
            }, DiscrepancyKind.AmountMismatch, "re_amount"),
            "status" => Seed(() =>
            {
                harness.StripeRefund("re_status", "ch_status", 1200, 5 * Hour);
                harness.SalesforceEntry("re_status", "Refund", -12m, "pending", 5 * Hour);
            }, DiscrepancyKind.StatusMismatch, "re_status"),
            _ => Seed(() =>
            {
                harness.Stripe.Add("charges", StripeObjects.Charge("ch_cumulative", "cus_recon", 4000, 4000, "succeeded", ReconciliationHarness.At(-3 * 24 * Hour)));
                harness.StripeRefund("re_cumulative", "ch_cumulative", 4000, 5 * Hour);
                harness.SalesforceEntry("ch_cumulative-refunds", "Refund", -10m, "refunded", 5 * Hour);
            }, DiscrepancyKind.AmountMismatch, "ch_cumulative"),
        };

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        Assert.Equal((kind, ReconciledObjectType.Refund, id), (found.Kind, found.Type, found.Id));
        Assert.Equal(seeded switch { "amount" => 10m, "cumulative" => 30m, _ => 12m }, found.Amount);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("amount")]
    [InlineData("status")]
    public async Task Check_DisputeDisagreement_FindsExactlyThatClass(string seeded)
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeDisputeClosed("du_lost_ok", 2000, "lost", Hour);
        harness.SalesforceEntry("du_lost_ok", "Dispute", -20m, "lost", Hour);
        // Won: no negative entry, and none is owed.
        harness.StripeDisputeClosed("du_won_ok", 3000, "won", 2 * Hour);

        var (kind, id) = seeded switch
        {
            "missing" => Seed(() => harness.StripeDisputeClosed("du_missing", 5000, "lost", 3 * Hour), DiscrepancyKind.Missing, "du_missing"),
            "amount" => Seed(() =>
            {
                harness.StripeDisputeClosed("du_amount", 5000, "lost", 3 * Hour);
                harness.SalesforceEntry("du_amount", "Dispute", -40m, "lost", 3 * Hour);
            }, DiscrepancyKind.AmountMismatch, "du_amount"),
            _ => Seed(() =>
            {
                harness.StripeDisputeClosed("du_status", 5000, "won", 3 * Hour);
                harness.SalesforceEntry("du_status", "Dispute", -50m, "lost", 3 * Hour);
            }, DiscrepancyKind.StatusMismatch, "du_status"),
        };

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Print(report);
        var found = Assert.Single(report.Discrepancies);
        Assert.Equal((kind, ReconciledObjectType.Dispute, id, seeded == "amount" ? 10m : 50m), (found.Kind, found.Type, found.Id, found.Amount));
    }

    private static (DiscrepancyKind, string) Seed(Action seed, DiscrepancyKind kind, string id)
    {
        seed();
        return (kind, id);
    }

    private void Print(ReconciliationReport report)
    {
        foreach (var line in report.Lines(50))
        {
            output.WriteLine(line);
        }
    }
}
