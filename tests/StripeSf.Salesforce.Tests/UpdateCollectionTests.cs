using System.Text.Json.Nodes;
using StripeSf.Salesforce.Errors;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

/// <summary>sObject Collections update by record id (PATCH composite/sobjects), as the Lead write-back uses it.</summary>
public sealed class UpdateCollectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UpdateCollectionAsync_OneUnknownId_UpdatesTheOthersAndReportsMalformedIdForIt()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        var lead = h.Server.Seed("Lead", new JsonObject { ["LastName"] = "Lovelace", ["Company"] = "Engines" });

        var results = await h.Client.UpdateCollectionAsync("Lead",
        [
            new JsonObject { ["Id"] = lead, ["Stripe_Customer_Id__c"] = "cus_1" },
            new JsonObject { ["Id"] = "00QLB0000000999AAA", ["Stripe_Customer_Id__c"] = "cus_2" },
        ], allOrNone: false, CancellationToken.None);

        Assert.True(results[0].Success);
        Assert.Equal(lead, results[0].Id);
        Assert.False(results[1].Success);
        Assert.Equal("MALFORMED_ID", results[1].Errors[0].ErrorCode);
        Assert.Equal(SalesforceFailureKind.Permanent, results[1].FailureKind);
        Assert.Equal("cus_1", h.Server.Records("Lead").Single()["Stripe_Customer_Id__c"]!.GetValue<string>());
        Assert.Contains(h.Server.CallLog, c => c.StartsWith("PATCH /services/data/v", StringComparison.Ordinal) && c.Contains("/composite/sobjects → 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateCollectionAsync_DuplicateUniqueValue_IsThatRecordsPermanentError()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Seed("Lead", new JsonObject { ["LastName"] = "A", ["Stripe_Customer_Id__c"] = "cus_taken" });
        var second = h.Server.Seed("Lead", new JsonObject { ["LastName"] = "B" });

        var results = await h.Client.UpdateCollectionAsync("Lead", [new JsonObject { ["Id"] = second, ["Stripe_Customer_Id__c"] = "cus_taken" }], allOrNone: false, CancellationToken.None);

        Assert.Equal("DUPLICATE_VALUE", Assert.Single(results).Errors[0].ErrorCode);
        Assert.Equal(SalesforceFailureKind.Permanent, results[0].FailureKind);
        Assert.Null(h.Server.Records("Lead").Single(r => r["Id"]!.GetValue<string>() == second)["Stripe_Customer_Id__c"]);
    }

    [Fact]
    public async Task UpdateCollectionAsync_MoreThan200OrARecordWithoutId_IsRefusedBeforeAnyCall()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        var tooMany = Enumerable.Range(0, 201).Select(i => new JsonObject { ["Id"] = $"00QLB{i:D10}AAA" }).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.UpdateCollectionAsync("Lead", tooMany, false, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.UpdateCollectionAsync("Lead", [new JsonObject { ["LastName"] = "x" }], false, CancellationToken.None));
        Assert.Equal(0, h.Server.ApiCalls);
    }
}
