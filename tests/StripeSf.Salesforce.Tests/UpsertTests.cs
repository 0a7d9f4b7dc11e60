using System.Text.Json.Nodes;
using StripeSf.Salesforce.Errors;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class UpsertTests(ITestOutputHelper output)
{
    [Fact]
    public async Task UpsertAsync_NewThenExistingExternalId_CreatesThenUpdatesSameRecord()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var created = await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject { ["Name"] = "Acme" }, CancellationToken.None);
        var updated = await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject { ["Name"] = "Acme Ltd" }, CancellationToken.None);

        Assert.True(created.Created);
        Assert.False(updated.Created);
        Assert.Equal(created.Id, updated.Id);
        var account = Assert.Single(h.Server.Records("Account"));
        Assert.Equal("Acme Ltd", account["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertAsync_ExternalIdMatchesSeveralRecords_ThrowsPermanent300()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Seed("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_dup", ["Name"] = "One" });
        h.Server.Seed("Account", new JsonObject { ["Stripe_Customer_Id__c"] = "cus_dup", ["Name"] = "Two" });

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_dup", new JsonObject { ["Name"] = "Three" }, CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal(300, ex.HttpStatusCode);
        Assert.Equal("MULTIPLE_CHOICES", ex.Code);
        Assert.Contains("2 records", ex.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertAsync_UnknownExternalIdField_ThrowsPermanent404()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            h.Client.UpsertAsync("Account", "No_Such_Field__c", "x", new JsonObject { ["Name"] = "A" }, CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal(404, ex.HttpStatusCode);
        Assert.Equal("NOT_FOUND", ex.Code);
    }

    [Fact]
    public async Task UpsertAsync_OlderEventTimestamp_RejectedAsPermanentStaleEvent()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1",
            new JsonObject { ["Name"] = "Acme", ["Subscription_Status__c"] = "canceled", ["Stripe_Subscription_Event_At__c"] = "2026-11-02T10:00:00Z" }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_1",
            new JsonObject { ["Subscription_Status__c"] = "active", ["Stripe_Subscription_Event_At__c"] = "2026-11-01T10:00:00Z" }, CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", ex.Code);
        Assert.True(SalesforceErrorClassifier.IsStaleEvent(ex.Errors[0]));
        Assert.Equal("canceled", h.Server.Records("Account")[0]["Subscription_Status__c"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertAsync_UniqueValueHeldByAnotherRecord_ThrowsPermanentDuplicateValue()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.UpsertAsync("Opportunity", "Stripe_Subscription_Id__c", "sub_1", new JsonObject { ["Stripe_Renewal_Key__c"] = "sub_1:2027", ["Name"] = "Pro", ["StageName"] = "Closed Won", ["CloseDate"] = "2026-11-01" }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => h.Client.UpsertAsync(
            "Opportunity", "Stripe_Subscription_Id__c", "sub_2", new JsonObject { ["Stripe_Renewal_Key__c"] = "sub_1:2027", ["Name"] = "Pro", ["StageName"] = "Closed Won", ["CloseDate"] = "2026-11-01" }, CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("DUPLICATE_VALUE", ex.Code);
        Assert.Single(h.Server.Records("Opportunity"));
    }

    [Fact]
    public async Task UpsertAsync_HostileExternalIdValue_IsOnePathSegment()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        const string key = "cus_a/b?c=%41&d#e f";

        await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", key, new JsonObject { ["Name"] = "Odd" }, CancellationToken.None);

        Assert.Equal(key, Assert.Single(h.Server.Records("Account"))["Stripe_Customer_Id__c"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertCollectionAsync_OneInvalidRecord_ReportsPerRecordResults()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_2", new JsonObject { ["Name"] = "Two", ["Stripe_Billing_Event_At__c"] = "2026-11-05T00:00:00Z" }, CancellationToken.None);

        var results = await h.Client.UpsertCollectionAsync("Account", "Stripe_Customer_Id__c",
        [
            new JsonObject { ["Stripe_Customer_Id__c"] = "cus_1", ["Name"] = "New" },
            new JsonObject { ["Stripe_Customer_Id__c"] = "cus_2", ["Stripe_Billing_Event_At__c"] = "2026-11-01T00:00:00Z" },
        ], allOrNone: false, CancellationToken.None);

        Assert.True(results[0].Success);
        Assert.True(results[0].Created);
        Assert.False(results[1].Success);
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", results[1].Errors[0].ErrorCode);
        Assert.Equal(SalesforceFailureKind.Permanent, results[1].FailureKind);
        Assert.Equal(2, h.Server.Records("Account").Count);
    }

    [Fact]
    public async Task UpsertCollectionAsync_AllOrNoneWithInvalidRecord_WritesNothing()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_2", new JsonObject { ["Name"] = "Two", ["Stripe_Billing_Event_At__c"] = "2026-11-05T00:00:00Z" }, CancellationToken.None);

        var results = await h.Client.UpsertCollectionAsync("Account", "Stripe_Customer_Id__c",
        [
            new JsonObject { ["Stripe_Customer_Id__c"] = "cus_1", ["Name"] = "New" },
            new JsonObject { ["Stripe_Customer_Id__c"] = "cus_2", ["Stripe_Billing_Event_At__c"] = "2026-11-01T00:00:00Z" },
        ], allOrNone: true, CancellationToken.None);

        Assert.Equal("ALL_OR_NONE_OPERATION_ROLLED_BACK", results[0].Errors[0].ErrorCode);
        Assert.False(results[1].Success);
        Assert.Single(h.Server.Records("Account"));
    }
}
