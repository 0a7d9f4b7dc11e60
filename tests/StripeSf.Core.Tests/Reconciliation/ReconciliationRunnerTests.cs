using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StripeSf.Core.Messaging;
using StripeSf.Core.Reconciliation;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Reconciliation;

/// <summary>The reconciliation runner over real HTTP against LoopbackStripe and LoopbackSalesforce.</summary>
public sealed class ReconciliationRunnerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task RunAsync_WindowWithEveryKindOfDiscrepancy_ReportsAndWritesExactCountsAndAmounts()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        SeedDay(harness);

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, harness.QueueRepairer(), CancellationToken.None);

        Print(harness, report);
        // 8 charges and invoices, and the subscription the invoices paid for (compared with its Opportunity).
        Assert.Equal(9, report.RecordsChecked);
        Assert.Equal((2, 55.00m), (report.Count(DiscrepancyKind.Missing), report.Amount(DiscrepancyKind.Missing)));
        Assert.Equal((1, 10.00m), (report.Count(DiscrepancyKind.AmountMismatch), report.Amount(DiscrepancyKind.AmountMismatch)));
        Assert.Equal((1, 20.00m), (report.Count(DiscrepancyKind.StatusMismatch), report.Amount(DiscrepancyKind.StatusMismatch)));
        Assert.Equal((1, 12.34m), (report.Count(DiscrepancyKind.Orphan), report.Amount(DiscrepancyKind.Orphan)));
        Assert.Equal(["ch_missing", "in_missing"], report.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Missing).Select(d => d.Id).Order());
        Assert.Equal("ch_amount", Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.AmountMismatch).Id);
        Assert.Equal("in_status", Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.StatusMismatch).Id);
        Assert.Equal("ch_orphan", Assert.Single(report.Discrepancies, d => d.Kind == DiscrepancyKind.Orphan).Id);
        Assert.Equal(1, report.Reenqueued);
        Assert.Contains("not repairable", Assert.Single(report.Discrepancies, d => d.Id == "in_missing").Repair, StringComparison.Ordinal);
        Assert.Equal(49.99m + 25m + 100m + 30m + 20m + 15m, report.StripeTotals["USD"]);
        Assert.Equal(5000m, report.StripeTotals["JPY"]);

        var run = Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object));
        Assert.Equal("2026-11-21", run["Run_Key__c"]!.GetValue<string>());
        Assert.Equal("Completed", run["Status__c"]!.GetValue<string>());
        Assert.Equal(9, Number(run, "Records_Checked__c"));
        Assert.Equal([2m, 55.00m, 1m, 10.00m, 1m, 20.00m, 1m, 12.34m, 1m],
            [Number(run, "Missing_Count__c"), Number(run, "Missing_Amount__c"), Number(run, "Amount_Mismatch_Count__c"), Number(run, "Amount_Mismatch_Amount__c"),
             Number(run, "Status_Mismatch_Count__c"), Number(run, "Status_Mismatch_Amount__c"), Number(run, "Orphan_Count__c"), Number(run, "Orphan_Amount__c"),
             Number(run, "Reenqueued_Count__c")]);
        Assert.Null(run["Total_Discrepancies__c"]);

        var @case = Assert.Single(harness.Salesforce.Records("Case"));
        Assert.Equal("reconciliation:2026-11-21", @case["Stripe_Case_Key__c"]!.GetValue<string>());
        Assert.Equal("High", @case["Priority"]!.GetValue<string>());
        Assert.Contains("ch_orphan", @case["Description"]!.GetValue<string>(), StringComparison.Ordinal);

        var (queue, message) = Assert.Single(harness.Publisher.Published);
        Assert.Equal("charge.succeeded", queue);
        Assert.Equal("evt_missing:reconcile-2026-11-21", message.MessageId);
        Assert.Equal("evt_missing", message.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal("ch_missing", message.ApplicationProperties[MessageProperties.ObjectId]);

        var alert = Assert.Single(harness.Logs.Entries, e => e.Template.StartsWith("ReconciliationDiscrepancy", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, alert.Level);
        Assert.Equal(2, alert.Properties["MissingCount"]);
        Assert.Equal(1, alert.Properties["OrphanCount"]);
    }

    [Fact]
    public async Task RunAsync_SameWindowTwice_UpdatesOneRunRecordAndOneCase()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        SeedDay(harness);

        await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);
        harness.Salesforce.ResetCalls();
        var again = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        Print(harness, again);
        Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object));
        Assert.Single(harness.Salesforce.Records("Case"));
        Assert.Equal(5, again.Discrepancies.Count);
    }

    [Fact]
    public async Task RunAsync_EverythingAgrees_WritesCompletedRunWithoutCaseOrAlert()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeCharge("ch_ok", 4999, Hour);
        harness.SalesforceCharge("ch_ok", 49.99m, Hour);
        harness.StripeInvoice("in_ok", 1500, -10 * 24 * Hour, 2 * Hour);
        harness.SalesforceInvoice("in_ok", 15.00m, 2 * Hour);
        harness.SubscriptionWithOpportunity();
        // A failed charge's entry (Type Charge, status failed) agrees with Stripe's list by not being in it.
        harness.SalesforceCharge("ch_failed", 0m, 3 * Hour, status: "failed");

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, harness.QueueRepairer(), CancellationToken.None);

        Print(harness, report);
        Assert.Empty(report.Discrepancies);
        Assert.Equal(4, report.RecordsChecked);
        Assert.Empty(harness.Salesforce.Records("Case"));
        Assert.Equal("Completed", Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object))["Status__c"]!.GetValue<string>());
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Template.StartsWith("ReconciliationDiscrepancy", StringComparison.Ordinal));
        // Two range queries, the Closed Won deals whose grace ends, the paying subscription's Opportunity;
        // no id lookups, no Stripe GET by id (the subscription comes expanded), one composite write.
        Assert.Equal(4, harness.Salesforce.Count(Testing.LoopbackSalesforce.LoopbackApiCall.Query));
        Assert.Equal(1, harness.Salesforce.Count(Testing.LoopbackSalesforce.LoopbackApiCall.Composite));
    }

    [Fact]
    public async Task RunAsync_ObjectsJustOutsideTheWindow_AreNotCounted()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeCharge("ch_before", 7000, TimeSpan.FromSeconds(-1));
        harness.StripeCharge("ch_at_end", 7000, TimeSpan.FromDays(1));
        harness.StripeCharge("ch_first_second", 100, TimeSpan.Zero);
        harness.SalesforceCharge("ch_first_second", 1.00m, TimeSpan.Zero);
        harness.SalesforceCharge("ch_sf_before", 5.00m, TimeSpan.FromSeconds(-1));
        harness.StripeInvoice("in_paid_after", 900, Hour, TimeSpan.FromDays(1));
        // A guest charge has no Account to hang on, so it is never expected in Salesforce.
        harness.StripeCharge("ch_guest", 300, Hour, customer: null);

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        Print(harness, report);
        Assert.Empty(report.Discrepancies);
        Assert.Equal(1, report.RecordsChecked);
    }

    [Fact]
    public async Task RunAsync_ZeroDecimalCurrency_ComparesMajorUnits()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.StripeCharge("ch_jpy_ok", 5000, Hour, currency: "jpy");
        harness.SalesforceCharge("ch_jpy_ok", 5000m, Hour, currency: "JPY");
        harness.StripeCharge("ch_jpy_off", 5000, 2 * Hour, currency: "jpy");
        harness.SalesforceCharge("ch_jpy_off", 4999m, 2 * Hour, currency: "JPY");
        harness.StripeCharge("ch_kwd", 12345, 3 * Hour, currency: "kwd");
        harness.SalesforceCharge("ch_kwd", 12.345m, 3 * Hour, currency: "KWD");

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        Print(harness, report);
        var mismatch = Assert.Single(report.Discrepancies);
        Assert.Equal(("ch_jpy_off", DiscrepancyKind.AmountMismatch, 1m), (mismatch.Id, mismatch.Kind, mismatch.Amount));
        Assert.Equal(10000m, report.StripeTotals["JPY"]);
    }

    [Fact]
    public async Task RunAsync_ManyObjectsMissing_LooksThemUpByIdInBatchesAndPagesStripe()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        for (var i = 0; i < 250; i++)
        {
            harness.StripeCharge($"ch_bulk_{i:000}", 1000 + i, TimeSpan.FromMinutes(i));
            // Recorded with a paid time outside the window: found by id, not missing.
            harness.SalesforceCharge($"ch_bulk_{i:000}", (1000 + i) / 100m, TimeSpan.FromDays(2));
        }

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        Print(harness, report);
        Assert.Empty(report.Discrepancies);
        Assert.Equal(250, report.RecordsChecked);
        // Two range queries, two id batches (200 + 50), the Closed Won range.
        Assert.Equal(5, harness.Salesforce.Count(Testing.LoopbackSalesforce.LoopbackApiCall.Query));
        Assert.Equal(3, harness.Stripe.Requests.Count(r => r.Path.StartsWith("/v1/charges?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_WithoutStripeApiKey_FailsNamingTheSettingAndMarksTheRunFailed()
    {
        await using var harness = await ReconciliationHarness.StartAsync(apiKey: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None));

        Assert.Contains("Stripe__ApiKey", error.Message, StringComparison.Ordinal);
        var run = Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object));
        Assert.Equal("Failed", run["Status__c"]!.GetValue<string>());
        Assert.StartsWith("Reconciliation 2026-11-21 failed: Stripe__ApiKey", run["Name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void EndingBefore_NightAfter_IsYesterdayInUtc()
    {
        var window = ReconciliationWindow.EndingBefore(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), 1);
        // 03:00 at UTC+5 is still the 21st in UTC: the window is the 20th.
        var east = ReconciliationWindow.EndingBefore(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.FromHours(5)), 2);

        Assert.Equal(("2026-11-21", new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)), (window.RunKey, window.End));
        Assert.Equal(("2026-11-19", new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero)), (east.RunKey, east.End));
    }

    /// <summary>
    /// The window of the README's example: a match, a charge missing (its event available), an
    /// amount mismatch, a JPY match, an orphan, a paid invoice missing (no event: not repairable),
    /// an invoice Salesforce still has open, a matching invoice; and a charge 1 s before the window.
    /// </summary>
    internal static void SeedDay(ReconciliationHarness harness)
    {
        harness.StripeCharge("ch_match", 4999, Hour);
        harness.SalesforceCharge("ch_match", 49.99m, Hour);
        var missing = harness.StripeCharge("ch_missing", 2500, 2 * Hour);
        harness.StripeEvent("evt_missing", "charge.succeeded", missing, 2 * Hour);
        harness.StripeCharge("ch_amount", 10000, 3 * Hour);
        harness.SalesforceCharge("ch_amount", 90.00m, 3 * Hour);
        harness.StripeCharge("ch_jpy", 5000, 4 * Hour, currency: "jpy");
        harness.SalesforceCharge("ch_jpy", 5000m, 4 * Hour, currency: "JPY");
        harness.SalesforceCharge("ch_orphan", 12.34m, 5 * Hour);
        harness.StripeCharge("ch_before", 7000, TimeSpan.FromSeconds(-1));
        harness.StripeInvoice("in_missing", 3000, -10 * 24 * Hour, 6 * Hour);
        harness.StripeInvoice("in_status", 2000, Hour, Hour);
        harness.SalesforceInvoice("in_status", 0m, null, status: "open");
        harness.StripeInvoice("in_match", 1500, Hour, 7 * Hour);
        harness.SalesforceInvoice("in_match", 15.00m, 7 * Hour);
        harness.SubscriptionWithOpportunity();
    }

    private static decimal Number(JsonObject record, string field) => decimal.Parse(record[field]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private void Print(ReconciliationHarness harness, ReconciliationReport report)
    {
        foreach (var line in report.Lines(50))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"Salesforce API calls: {harness.Salesforce.ApiCalls} ({string.Join(", ", harness.Salesforce.CallCounts.Select(c => $"{c.Key} {c.Value}"))})");
        output.WriteLine($"Stripe API calls: {harness.Stripe.Requests.Count} ({string.Join(", ", harness.Stripe.Requests.Select(r => r.Path.Split('?')[0]).GroupBy(p => p).Select(g => $"{g.Key} {g.Count()}"))})");
    }
}
