using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Configuration;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class BudgetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IsAboveThreshold_UsageBelowShare_IsFalse()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => { o.DailyApiMax = 1000; o.InitialApiUsage = 100; });

        await h.Client.GetLimitsAsync(CancellationToken.None);

        Assert.Equal(101, h.Budget.Current!.Used);
        Assert.Equal(1000, h.Budget.Current.Max);
        Assert.False(h.Budget.IsAboveThreshold);
    }

    [Fact]
    public async Task IsAboveThreshold_UsageCrossesDefaultNinetyPercent_BecomesTrue()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => { o.DailyApiMax = 1000; o.InitialApiUsage = 897; });

        await h.Client.GetLimitsAsync(CancellationToken.None);
        Assert.False(h.Budget.IsAboveThreshold);
        await h.Client.GetLimitsAsync(CancellationToken.None);
        await h.Client.GetLimitsAsync(CancellationToken.None);

        Assert.True(h.Budget.IsAboveThreshold);
        Assert.Equal(90d, h.Budget.Current!.Percent, 3);
    }

    [Fact]
    public async Task IsAboveThreshold_ConfiguredShare_IsHonoured()
    {
        await using var h = await SalesforceHarness.StartAsync(
            output,
            o => { o.DailyApiMax = 1000; o.InitialApiUsage = 600; },
            s => s["Salesforce:LimitThresholdPercent"] = "50");

        await h.Client.GetLimitsAsync(CancellationToken.None);

        Assert.True(h.Budget.IsAboveThreshold);
    }

    [Fact]
    public void IsAboveThreshold_BeforeAnyResponse_IsFalse()
    {
        var budget = new SalesforceApiBudget(Options.Create(new SalesforceOptions()), new FakeTimeProvider());

        Assert.Null(budget.Current);
        Assert.False(budget.IsAboveThreshold);
    }

    [Theory]
    [InlineData("api-usage=18/15000", true, 18, 15000)]
    [InlineData("per-app-api-usage=3/100(appName=x), api-usage=25/5000", true, 25, 5000)]
    [InlineData("api-usage=bad", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void TryParse_HeaderValue_ReadsApiUsage(string header, bool ok, long used, long max)
    {
        Assert.Equal(ok, SalesforceApiBudget.TryParse(header, out var u, out var m));
        Assert.Equal(used, u);
        Assert.Equal(max, m);
    }
}
