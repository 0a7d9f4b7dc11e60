using System.Text.Json.Nodes;
using StripeSf.Salesforce.Errors;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UpsertAsync_ServiceUnavailable_RetriesTwiceThenThrowsTransient503()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.ServiceUnavailableRate = 1;

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => Upsert(h));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(503, ex.HttpStatusCode);
        Assert.Equal("SERVER_UNAVAILABLE", ex.Code);
        Assert.Equal(3, h.Server.Count(LoopbackApiCall.Upsert));
    }

    [Fact]
    public async Task UpsertAsync_MaintenanceWindow_WritesTransientReadsStillWork()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.MaintenanceWindow = true;

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => Upsert(h));
        var limits = await h.Client.GetLimitsAsync(CancellationToken.None);

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(503, ex.HttpStatusCode);
        Assert.True(limits.ContainsKey("DailyApiRequests"));
        Assert.Empty(h.Server.Records("Account"));
    }

    [Fact]
    public async Task UpsertAsync_RequestLimitExceeded_ThrowsTransient403()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.RequestLimitExceededRate = 1;

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => Upsert(h));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(403, ex.HttpStatusCode);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", ex.Code);
        Assert.Equal(1, h.Server.Count(LoopbackApiCall.Upsert));
    }

    [Fact]
    public async Task UpsertAsync_DailyAllowanceSpent_ThrowsTransient403()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => { o.DailyApiMax = 100; o.InitialApiUsage = 100; });

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => Upsert(h));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", ex.Code);
        Assert.True(h.Budget.IsAboveThreshold);
    }

    [Fact]
    public async Task UpsertAsync_UnableToLockRow_ThrowsTransient400()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.UnableToLockRowRate = 1;

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => Upsert(h));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(400, ex.HttpStatusCode);
        Assert.Equal("UNABLE_TO_LOCK_ROW", ex.Code);
    }

    [Fact]
    public async Task UpsertAsync_InvalidFieldInStrictOrg_ThrowsPermanent()
    {
        await using var h = await SalesforceHarness.StartAsync(output, o => o.StrictFields = true);

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject { ["Typo__c"] = 1 }, CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("INVALID_FIELD", ex.Code);
    }

    [Fact]
    public async Task UpsertAsync_SlowResponses_StillSucceed()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.SlowResponseRate = 1;
        h.Server.Faults.SlowResponseDelay = TimeSpan.FromMilliseconds(50);

        var result = await Upsert(h);

        Assert.True(result.Created);
    }

    [Fact]
    public async Task UpsertAsync_MixedFaultRates_EveryFailureIsTransientAndEverySuccessIsStored()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.ServiceUnavailableRate = 0.1;
        h.Server.Faults.UnableToLockRowRate = 0.1;
        h.Server.Faults.ExpiredTokenRate = 0.1;
        h.Server.Faults.RequestLimitExceededRate = 0.05;

        var stored = new List<string>();
        var failures = new List<SalesforceApiException>();
        for (var i = 0; i < 40; i++)
        {
            try
            {
                await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", $"cus_{i}", new JsonObject { ["Name"] = $"n{i}" }, CancellationToken.None);
                stored.Add($"cus_{i}");
            }
            catch (SalesforceApiException ex)
            {
                failures.Add(ex);
            }
        }

        output.WriteLine($"{stored.Count} stored, {failures.Count} failed: {string.Join(", ", failures.Select(f => f.Code))}");
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal(SalesforceFailureKind.Transient, f.Kind));
        Assert.Subset(h.Server.Records("Account").Select(r => r["Stripe_Customer_Id__c"]!.GetValue<string>()).ToHashSet(), stored.ToHashSet());
    }

    [Fact]
    public async Task UpsertAsync_NobodyListening_ThrowsTransientWithoutStatus()
    {
        var h = await SalesforceHarness.StartAsync(output);
        var client = h.Client;
        await client.GetLimitsAsync(CancellationToken.None);
        await h.Server.DisposeAsync();

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject(), CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(0, ex.HttpStatusCode);
        await h.Services.DisposeAsync();
    }

    private static Task<Records.UpsertResult> Upsert(SalesforceHarness h) =>
        h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject { ["Name"] = "Acme" }, CancellationToken.None);
}
