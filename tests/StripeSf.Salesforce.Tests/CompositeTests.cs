using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class CompositeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CompositeAsync_SubrequestReferencesEarlierResult_WritesBothInOneCall()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var response = await h.Client.CompositeAsync(new CompositeRequest(true,
        [
            new CompositeSubrequest("PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_1", "account", new JsonObject { ["Name"] = "Acme" }),
            new CompositeSubrequest("PATCH", "sobjects/Task/Stripe_Event_Id__c/evt_1", "task",
                new JsonObject { ["Subject"] = "Payment failed", ["WhatId"] = "@{account.id}", ["Priority"] = "High" }),
        ]), CancellationToken.None);

        Assert.True(response.AllSucceeded);
        Assert.Null(response.FailureKind());
        var account = Assert.Single(h.Server.Records("Account"));
        Assert.Equal(account["Id"]!.GetValue<string>(), Assert.Single(h.Server.Records("Task"))["WhatId"]!.GetValue<string>());
        Assert.Equal(1, h.Server.Count(LoopbackApiCall.Composite));
        Assert.Equal(1, h.Server.ApiCalls);
    }

    [Fact]
    public async Task CompositeAsync_AllOrNoneWithOneFailure_WritesNothingAndNamesTheCulprit()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.UpsertAsync("Account", "Stripe_Customer_Id__c", "cus_2", new JsonObject { ["Name"] = "Two", ["Stripe_Billing_Event_At__c"] = "2026-11-05T00:00:00Z" }, CancellationToken.None);
        var before = h.Server.Records("Account").Single().ToJsonString();

        var response = await h.Client.CompositeAsync(new CompositeRequest(true,
        [
            new CompositeSubrequest("PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_1", "newAccount", new JsonObject { ["Name"] = "Fresh" }),
            new CompositeSubrequest("PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_2", "staleAccount",
                new JsonObject { ["Billing_Status__c"] = "Churned", ["Stripe_Billing_Event_At__c"] = "2026-11-01T00:00:00Z" }),
            new CompositeSubrequest("PATCH", "sobjects/Task/Stripe_Event_Id__c/evt_9", "task", new JsonObject { ["Subject"] = "x", ["WhatId"] = "@{newAccount.id}" }),
        ]), CancellationToken.None);

        Assert.Equal(before, h.Server.Records("Account").Single().ToJsonString());
        Assert.Empty(h.Server.Records("Task"));
        var failures = response.Failures();
        Assert.Equal(3, failures.Count);
        var culprit = Assert.Single(failures, f => !f.RolledBack);
        Assert.Equal("staleAccount", culprit.ReferenceId);
        Assert.Equal("FIELD_CUSTOM_VALIDATION_EXCEPTION", culprit.Code);
        Assert.True(culprit.IsStaleEvent);
        Assert.All(failures, f => Assert.Equal(SalesforceFailureKind.Permanent, f.Kind));
        Assert.Equal(SalesforceFailureKind.Permanent, response.FailureKind());
    }

    [Fact]
    public async Task CompositeAsync_LockedRow_ClassifiedTransient()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.UnableToLockRowRate = 1;

        var response = await h.Client.CompositeAsync(new CompositeRequest(true,
        [
            new CompositeSubrequest("PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_1", "account", new JsonObject { ["Name"] = "Acme" }),
            new CompositeSubrequest("PATCH", "sobjects/Contact/Stripe_Customer_Id__c/cus_1", "contact", new JsonObject { ["LastName"] = "Doe" }),
        ]), CancellationToken.None);

        var culprit = Assert.Single(response.Failures(), f => !f.RolledBack);
        Assert.Equal("UNABLE_TO_LOCK_ROW", culprit.Code);
        Assert.Equal(SalesforceFailureKind.Transient, response.FailureKind());
        Assert.Empty(h.Server.Records("Account"));
    }

    [Fact]
    public async Task CompositeAsync_WithoutAllOrNone_KeepsSuccessfulSubrequests()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var response = await h.Client.CompositeAsync(new CompositeRequest(false,
        [
            new CompositeSubrequest("PATCH", "sobjects/Account/Stripe_Customer_Id__c/cus_1", "ok", new JsonObject { ["Name"] = "Acme" }),
            new CompositeSubrequest("PATCH", "sobjects/Account/Nope__c/cus_1", "bad", new JsonObject { ["Name"] = "Acme" }),
        ]), CancellationToken.None);

        Assert.True(response.Results[0].IsSuccess);
        var failure = Assert.Single(response.Failures());
        Assert.Equal("bad", failure.ReferenceId);
        Assert.Equal(404, failure.HttpStatusCode);
        Assert.Single(h.Server.Records("Account"));
    }

    [Fact]
    public async Task CompositeAsync_MoreThan25Subrequests_ThrowsBeforeCalling()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        var subs = Enumerable.Range(0, 26).Select(i => new CompositeSubrequest("GET", "limits", $"r{i}")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.CompositeAsync(new CompositeRequest(false, subs), CancellationToken.None));
        Assert.Equal(0, h.Server.ApiCalls);
    }

    [Fact]
    public async Task CompositeAsync_EmptyRequest_MakesNoCall()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var response = await h.Client.CompositeAsync(CompositeRequest.Empty, CancellationToken.None);

        Assert.Empty(response.Results);
        Assert.Equal(0, h.Server.ApiCalls);
    }
}
