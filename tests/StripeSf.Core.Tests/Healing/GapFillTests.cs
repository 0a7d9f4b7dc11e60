using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Healing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Routing;
using StripeSf.Core.Tests.Reconciliation;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Healing;

/// <summary>The nightly run's gap-fill step: LoopbackStripe's events onto the (recording) queues, the watermark in LoopbackSalesforce.</summary>
public sealed class GapFillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunScheduledAsync_SinceTheLastSuccessfulGapFill_EnqueuesEachRoutedEventUnderItsEventIdAndRecordsWhereItEnded()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        SeedRun(harness, "2026-11-01", "Completed", now.AddHours(-24));
        SeedRun(harness, "2026-10-01", "Completed", now.AddHours(-60));
        // A failed run never moves the watermark, whatever it says.
        SeedRun(harness, "2026-11-02", "Failed", now.AddHours(-1));
        AddEvent(harness, "evt_before", "charge.succeeded", StripeObjects.Charge("ch_gap0", "cus_gap", 1000, 0, "succeeded", 0), now.AddHours(-30));
        AddEvent(harness, "evt_gap2", "customer.created", StripeObjects.Customer("cus_gap", "Gap Co", "gap@example.com", 0), now.AddHours(-2));
        AddEvent(harness, "evt_gap1", "invoice.paid", StripeObjects.Invoice("in_gap", "cus_gap", "sub_gap", "paid", 1000, 1000, 1, 0, 0, 0), now.AddHours(-20));
        AddEvent(harness, "evt_unrouted", "customer.tax_id.created", new JsonObject { ["id"] = "txi_1", ["object"] = "tax_id" }, now.AddHours(-3));
        var target = new QueueGapFillTarget(harness.Services.GetRequiredService<StripeSf.Core.Ingress.EventMessageFactory>(), harness.Publisher, RoutingTable.Default);

        var report = await harness.Runner.RunScheduledAsync(harness.QueueRepairer(), target, CancellationToken.None);

        foreach (var line in report.Lines(50))
        {
            output.WriteLine(line);
        }

        Assert.Equal([("evt_gap1", "invoice.paid"), ("evt_gap2", "customer.created")],
            harness.Publisher.Published.Select(p => (p.Message.MessageId, p.Queue)).OrderBy(p => p.MessageId, StringComparer.Ordinal));
        Assert.Equal(["evt_gap1", "evt_gap2"], report.GapFill!.Outcomes.Select(o => o.EventId));
        Close(now.AddHours(-24) - GapFiller.Overlap, report.GapFill!.Window.Since, TimeSpan.FromSeconds(1));
        Assert.Equal(2, report.GapFill.Outcomes.Count(o => o.State == QueueGapFillTarget.Enqueued));
        var run = Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object), r => r["Run_Key__c"]!.GetValue<string>() == report.Window.RunKey);
        Close(report.GapFill.Window.Until, Instant(run[ReconciliationRunFields.GapFillThrough]), TimeSpan.FromMilliseconds(1));
        Assert.Empty(report.Warnings);
        // One event list for the 20 routed types (Stripe's limit per list), filtered by creation time.
        var list = Assert.Single(harness.Stripe.Requests, r => r.Path.StartsWith("/v1/events?", StringComparison.Ordinal) && r.Path.Contains("customer.created", StringComparison.Ordinal));
        Assert.Contains("created", Uri.UnescapeDataString(list.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunScheduledAsync_NoRunRecordedAGapFill_LooksBackTheFirstRunHours()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;
        AddEvent(harness, "evt_recent", "customer.created", StripeObjects.Customer("cus_gap", "Gap Co", "gap@example.com", 0), now.AddHours(-71));
        AddEvent(harness, "evt_old", "customer.updated", StripeObjects.Customer("cus_gap", "Gap Co", "gap@example.com", 0), now.AddHours(-73));
        var target = new QueueGapFillTarget(harness.Services.GetRequiredService<StripeSf.Core.Ingress.EventMessageFactory>(), harness.Publisher, RoutingTable.Default);

        var report = await harness.Runner.RunScheduledAsync(harness.QueueRepairer(), target, CancellationToken.None);

        Assert.Equal("evt_recent", Assert.Single(harness.Publisher.Published).Message.MessageId);
        Close(now.AddHours(-72), report.GapFill!.Window.Since, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Window_OlderThanStripesRetention_IsClampedAndSaysSo()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        var filler = new GapFiller(null!, null!, RoutingTable.Default, Microsoft.Extensions.Options.Options.Create(new ReconciliationOptions()), time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<GapFiller>.Instance);

        var window = filler.Window(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(window.Clamped);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 3, 1, 0, TimeSpan.Zero), window.Since);
        Assert.Contains("clamped to Stripe's 30-day event retention", window.ToString(), StringComparison.Ordinal);
    }

    private static void SeedRun(ReconciliationHarness harness, string runKey, string status, DateTimeOffset gapFillThrough) =>
        harness.Salesforce.Seed(ReconciliationRunFields.Object, new JsonObject
        {
            ["Run_Key__c"] = runKey,
            ["Name"] = $"Reconciliation {runKey}",
            ["Status__c"] = status,
            [ReconciliationRunFields.GapFillThrough] = gapFillThrough.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        });

    private static void AddEvent(ReconciliationHarness harness, string id, string type, JsonObject dataObject, DateTimeOffset created) =>
        harness.Stripe.Add("events", JsonNode.Parse(TestEvents.Minimal(type, id, dataObject, created: created.ToUnixTimeSeconds()))!.AsObject());

    private static void Close(DateTimeOffset expected, DateTimeOffset actual, TimeSpan tolerance) =>
        Assert.True((expected - actual).Duration() <= tolerance, $"expected {expected:O}, got {actual:O}");

    private static DateTimeOffset Instant(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>().Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
