using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Salesforce.Bulk;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class BulkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task IngestAsync_10000Records_UpsertsAllInAHandfulOfCalls()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => o.BulkPollsUntilComplete = 3);
        h.Server.Seed("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_00007", ["Stripe_Customer_Event_At__c"] = "2026-12-01T00:00:00Z" });
        var csv = new StringBuilder("Stripe_Customer_Id__c,Name,Stripe_Customer_Event_At__c\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append($"cus_{i:D5},\"Customer, number {i}\",2026-11-01T00:00:00Z\n");
        }

        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var result = await PumpAsync(time, h.BulkClient(time).IngestAsync(new BulkIngestRequest("Account", "Stripe_Customer_Id__c", csv.ToString()), CancellationToken.None));

        Assert.Equal("JobComplete", result.State);
        Assert.Equal(10_000, result.RecordsProcessed);
        Assert.Equal(1, result.RecordsFailed);
        Assert.Equal(10_000, h.Server.Records("Account").Count);
        Assert.Equal(10_000, LoopbackCsv.Parse(result.SuccessfulResultsCsv).Count);
        var failed = LoopbackCsv.Parse(result.FailedResultsCsv);
        Assert.Equal(2, failed.Count);
        Assert.StartsWith("FIELD_CUSTOM_VALIDATION_EXCEPTION:STALE_EVENT", failed[1][1], StringComparison.Ordinal);
        Assert.Equal("Customer, number 7", failed[1][3]);
        Assert.InRange(h.Server.Count(LoopbackApiCall.Bulk), 7, 10);
        Assert.Equal(h.Server.Count(LoopbackApiCall.Bulk), h.Server.ApiCalls);
    }

    [Fact]
    public async Task IngestAsync_JobStillRunning_PollsWithGrowingBackoff()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => o.BulkPollsUntilComplete = 5);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-22T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var start = time.GetUtcNow();

        var result = await PumpAsync(time, h.BulkClient(time).IngestAsync(new BulkIngestRequest("Contact", "Stripe_Customer_Id__c", "Stripe_Customer_Id__c,LastName\ncus_1,Doe\n"), CancellationToken.None), step: TimeSpan.FromSeconds(1));

        Assert.Equal("JobComplete", result.State);
        // 5 polls wait 2 + 4 + 8 + 16 s between them: at least 30 s of (fake) time passed. No upper
        // bound: the pump also advances the fake clock while real HTTP calls are in flight, so under
        // load more fake time passes without the client waiting any longer.
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromSeconds(30), $"only {time.GetUtcNow() - start} passed");
        Assert.Single(h.Server.Records("Contact"));
    }

    private static async Task<T> PumpAsync<T>(FakeTimeProvider time, Task<T> task, TimeSpan? step = null)
    {
        // Only the bulk client's poll delays wait on the fake clock; move it on until the job is done.
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5));
            if (!task.IsCompleted)
            {
                time.Advance(step ?? TimeSpan.FromSeconds(30));
            }
        }

        return await task;
    }
}
