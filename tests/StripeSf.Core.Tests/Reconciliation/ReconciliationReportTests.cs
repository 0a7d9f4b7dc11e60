using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using StripeSf.Core.Reconciliation;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Reconciliation;

/// <summary>The report a run attaches to its Case, the listed-versus-counted cap, and the bounded (spilled) comparison.</summary>
public sealed class ReconciliationReportTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task RunAsync_WithDiscrepancies_AttachesTheJsonReportToTheCaseInTheSameCompositeCall()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        ReconciliationRunnerTests.SeedDay(harness);

        using var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        var @case = Assert.Single(harness.Salesforce.Records("Case"));
        var file = Assert.Single(harness.Salesforce.Records("ContentVersion"));
        Assert.Equal(@case["Id"]!.GetValue<string>(), file["FirstPublishLocationId"]!.GetValue<string>());
        Assert.Equal("reconciliation-2026-11-21.json", file["PathOnClient"]!.GetValue<string>());
        var json = JsonNode.Parse(Convert.FromBase64String(file["VersionData"]!.GetValue<string>()))!.AsObject();
        output.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Assert.Equal("2026-11-21T00:00:00Z", json["window"]!["from"]!.GetValue<string>());
        Assert.Equal("2026-11-22T00:00:00Z", json["window"]!["to"]!.GetValue<string>());
        var classes = json["discrepancies"]!.AsArray().Select(d => (d!["class"]!.GetValue<string>(), d["stripeId"]!.GetValue<string>())).Order().ToList();
        Assert.Equal(
            [("amount_mismatch", "ch_amount"), ("missing_in_salesforce", "ch_missing"), ("missing_in_salesforce", "in_missing"), ("orphan_in_salesforce", "ch_orphan"), ("status_mismatch", "in_status")],
            classes);
        var orphan = json["discrepancies"]!.AsArray().Single(d => d!["stripeId"]!.GetValue<string>() == "ch_orphan")!;
        Assert.StartsWith("a01", orphan["salesforceId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(orphan["stripeAmount"]);
        Assert.Equal(12.34m, orphan["salesforceAmount"]!.GetValue<decimal>());
        var usd = json["totals"]!.AsArray().Single(t => t!["currency"]!.GetValue<string>() == "USD")!;
        Assert.Equal(239.99m, usd["stripe"]!.GetValue<decimal>());
        // Run record, Case and file: still one composite call.
        Assert.Equal(1, harness.Salesforce.Count(LoopbackApiCall.Composite));
    }

    [Fact]
    public async Task RunScheduledAsync_NightAfterTheWindow_FilesTheCaseWithItsReportAndRepairsThroughTheQueue()
    {
        var night = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));
        await using var harness = await ReconciliationHarness.StartAsync(configure: o => o.GapFill = false, time: night);
        ReconciliationRunnerTests.SeedDay(harness);
        var gapFill = new StripeSf.Core.Healing.QueueGapFillTarget(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StripeSf.Core.Ingress.EventMessageFactory>(harness.Services),
            harness.Publisher, StripeSf.Core.Routing.RoutingTable.Default);

        var report = await harness.Runner.RunScheduledAsync(harness.QueueRepairer(), gapFill, CancellationToken.None);

        Assert.Equal(("2026-11-21", 5, 1), (report.Window.RunKey, report.DiscrepancyCount, report.Reenqueued));
        var @case = Assert.Single(harness.Salesforce.Records("Case"));
        var file = Assert.Single(harness.Salesforce.Records("ContentVersion"));
        Assert.Equal(@case["Id"]!.GetValue<string>(), file["FirstPublishLocationId"]!.GetValue<string>());
        var json = JsonNode.Parse(Convert.FromBase64String(file["VersionData"]!.GetValue<string>()))!.AsObject();
        Assert.Equal(5, json["discrepancies"]!.AsArray().Count);
        Assert.Equal("charge.succeeded", Assert.Single(harness.Publisher.Published).Queue);
    }

    [Fact]
    public async Task CheckAsync_MoreDiscrepanciesThanListed_CountsAllListsTheCapAndSpoolsAll()
    {
        await using var harness = await ReconciliationHarness.StartAsync(configure: o => o.MaxListedDiscrepancies = 3);
        for (var i = 0; i < 12; i++)
        {
            harness.StripeCharge($"ch_gone_{i:00}", 1000, TimeSpan.FromMinutes(10 + i));
        }

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);

        Assert.Equal(3, report.Discrepancies.Count);
        Assert.Equal((12, 120m), (report.Count(DiscrepancyKind.Missing), report.Amount(DiscrepancyKind.Missing)));
        Assert.Equal(12, report.Entries!.Entries().Count());
        Assert.Contains("  … and 9 more", report.Lines(3));
    }

    [Fact]
    public async Task CheckAsync_SidesSpilledToDiskInTinyRuns_FindTheSameAsInMemory()
    {
        var inMemory = await DiscrepanciesAsync(runSize: 100_000);
        var spilled = await DiscrepanciesAsync(runSize: 3);

        output.WriteLine(string.Join('\n', spilled));
        Assert.Equal(inMemory, spilled);
        // 40 missing (every third), 16 a cent off (every fifth of the others), 10 orphans.
        Assert.Equal(66, spilled.Count);
    }

    [Fact]
    public void Sorted_AnyKeysAnyRunSize_YieldsEveryObjectInOrdinalKeyOrder()
    {
        Gen.Select(Gen.String[Gen.Char["aAbB_9z"], 0, 6].Array[0, 60], Gen.Int[1, 8]).Sample((keys, runSize) =>
        {
            using var spill = new SortedSpill(runSize);
            foreach (var (key, i) in keys.Select((k, i) => (k, i)))
            {
                spill.Add(key, new ReconciledObject($"ch_{i}", ReconciledObjectType.Charge, i / 100m, "USD", "succeeded", DateTimeOffset.FromUnixTimeSeconds(1_763_000_000 + i)));
            }

            var sorted = spill.Sorted().ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), sorted.Select(s => s.Key));
            Assert.Equal(keys.Length, sorted.Select(s => s.Value.Id).Distinct().Count());
            Assert.All(sorted, s => Assert.Equal(int.Parse(s.Value.Id[3..], System.Globalization.CultureInfo.InvariantCulture) / 100m, s.Value.Amount));
        });
    }

    /// <summary>A day of 120 charges: every third missing, every fifth off by a cent, and 10 orphans.</summary>
    private static async Task<List<string>> DiscrepanciesAsync(int runSize)
    {
        await using var harness = await ReconciliationHarness.StartAsync(configure: o => (o.SpillRunSize, o.MaxListedDiscrepancies) = (runSize, 1000));
        for (var i = 0; i < 120; i++)
        {
            harness.StripeCharge($"ch_day_{i:000}", 1000 + i, TimeSpan.FromMinutes(i));
            if (i % 3 != 0)
            {
                harness.SalesforceCharge($"ch_day_{i:000}", (1000 + i - (i % 5 == 0 ? 1 : 0)) / 100m, TimeSpan.FromMinutes(i));
            }
        }

        for (var i = 0; i < 10; i++)
        {
            harness.SalesforceCharge($"ch_orphan_{i}", 5m, Hour * 3 + TimeSpan.FromMinutes(i));
        }

        using var report = await harness.Runner.CheckAsync(ReconciliationHarness.Window, CancellationToken.None);
        return [.. report.Entries!.Entries().Order(StringComparer.Ordinal)];
    }
}
