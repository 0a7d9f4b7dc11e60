using Stripe;
using StripeSf.Core.Backfill;

namespace StripeSf.Core.Tests.Backfill;

/// <summary>
/// Stripe's estimated count per object type (<see cref="BackfillTotals"/>), asked once at the start of
/// each list through the Search API of LoopbackStripe (search_result with <c>total_count</c>).
/// </summary>
public sealed class BackfillTotalsTests
{
    [Fact]
    public async Task RunAsync_EveryObjectType_StartsEachSearchableListWithStripesCountAndRefundsAndDisputesWithNone()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(6);
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.RequestAll(dryRun: true), progress, CancellationToken.None);

        Assert.Equal([6L, 6L, 18L, 18L, null, null], BackfillObjects.All.Select(t => progress.Started[t].Estimate));
        Assert.Equal(BackfillObjects.All.Select(t => (long?)result.Tallies[t].Read).Take(4), BackfillObjects.All.Take(4).Select(t => progress.Started[t].Estimate));
        // One count per searchable type (+1 Stripe call each), with the documented parameters; none for refunds and disputes.
        var searches = harness.Stripe.Requests.Select(r => Uri.UnescapeDataString(r.Path)).Where(p => p.Contains("/search?", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/v1/customers/search", "/v1/subscriptions/search", "/v1/invoices/search", "/v1/charges/search"], searches.Select(p => p[..p.IndexOf('?', StringComparison.Ordinal)]));
        Assert.All(searches, p =>
        {
            Assert.Contains("query=created>0", p, StringComparison.Ordinal);
            Assert.Contains("limit=1", p, StringComparison.Ordinal);
            Assert.Contains("expand[0]=total_count", p, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RunAsync_Since_CountsOnlyTheObjectsTheListReads()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(6);
        var since = DateTimeOffset.FromUnixTimeSeconds(BackfillHarness.HistoryStart + 120);
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(new BackfillRequest(since, [BackfillObjects.Customers], harness.CheckpointPath, DryRun: true), progress, CancellationToken.None);

        Assert.Equal(4, result.Tallies[BackfillObjects.Customers].Read);
        Assert.Equal(4, progress.Started[BackfillObjects.Customers].Estimate);
        Assert.Contains(harness.Stripe.Requests, r => Uri.UnescapeDataString(r.Path).Contains($"query=created>={since.ToUnixTimeSeconds()}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SearchLagsBehindTheList_EstimatesLessThanItReadsAndStillReadsEverything()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(10);
        // Customers created just now: listed at once, searchable only later (Stripe: within about a minute).
        harness.Stripe.SearchLag = TimeSpan.FromHours(1);
        var customers = new CustomerService(new StripeClient(new StripeClientOptions { ApiKey = "sk_test_lag", ApiBase = harness.Stripe.BaseUrl }));
        for (var i = 0; i < 3; i++)
        {
            await customers.CreateAsync(new CustomerCreateOptions { Email = $"new{i}@lag.example.com", Name = $"New {i}" });
        }

        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.Request(chunkSize: 5), progress, CancellationToken.None);

        Assert.Equal(10, progress.Started[BackfillObjects.Customers].Estimate);
        Assert.Equal(13, result.Tallies[BackfillObjects.Customers].Read);
        Assert.Equal([5L, 10L, 13L], progress.Reads.Select(r => r.Read));
        Assert.Empty(result.Failures);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(400)]
    [InlineData(500)]
    public async Task RunAsync_StripeRefusesTheCount_BackfillsEverythingWithNoEstimate(int status)
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(7);
        harness.Stripe.RefuseSearch(status);
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.Request(chunkSize: 5), progress, CancellationToken.None);

        Assert.Null(progress.Started[BackfillObjects.Customers].Estimate);
        Assert.Equal(7, result.Tallies[BackfillObjects.Customers].Read);
        Assert.Equal(7, harness.ByCustomer("Account").Count);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task RunAsync_Resume_StartsTheListAgainFromTheCheckpointsReadCount()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(12);
        using var crash = new CancellationTokenSource();
        // The first job of the second chunk is created, then the process dies.
        var crashing = new BackfillHarness.RecordingProgress { OnJobStarted = n => { if (n == 6) { crash.Cancel(); } } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner().RunAsync(harness.Request(chunkSize: 5), crashing, crash.Token));
        var resumed = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.Request(resume: true, chunkSize: 5), resumed, CancellationToken.None);

        Assert.Equal((12L, 0L), crashing.Started[BackfillObjects.Customers]);
        Assert.Equal((12L, 5L), resumed.Started[BackfillObjects.Customers]);
        Assert.Equal([10L, 12L], resumed.Reads.Select(r => r.Read));
        Assert.Equal(12, result.Tallies[BackfillObjects.Customers].Read);
    }
}
