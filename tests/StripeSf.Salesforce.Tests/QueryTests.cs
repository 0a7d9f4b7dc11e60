using System.Text.Json.Nodes;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Query;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class QueryTests(ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    [
        "' OR Name != '",
        "x' OR Name LIKE '%",
        "back\\slash",
        "trailing\\",
        "\\' OR Id != null OR Name = '\\",
        "O’Brien ‘quoted’ “double” ＇fullwidth＇",
        "line\nbreak",
        "carriage\rreturn\ttab",
        "percent % and _ underscore",
        "emoji 😀 and \u2028 separator",
    ];

    public static TheoryData<string> HostileValues => new(Hostile);

    [Fact]
    public async Task QueryAsync_5000Records_FollowsNextRecordsUrlAcrossPages()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        for (var i = 0; i < 5000; i++)
        {
            h.Server.Seed("Stripe_Payment__c", new JsonObject { ["Stripe_Payment_Id__c"] = $"ch_{i:D5}", ["Amount__c"] = i });
        }

        var ids = new List<string>();
        await foreach (var record in h.Client.QueryAsync(Soql.Query($"SELECT Id, Stripe_Payment_Id__c FROM Stripe_Payment__c ORDER BY Stripe_Payment_Id__c"), CancellationToken.None))
        {
            ids.Add(record["Stripe_Payment_Id__c"]!.GetValue<string>());
        }

        Assert.Equal(5000, ids.Count);
        Assert.Equal(5000, ids.Distinct().Count());
        Assert.Equal("ch_00000", ids[0]);
        Assert.Equal("ch_04999", ids[^1]);
        Assert.Equal(1, h.Server.Count(LoopbackApiCall.Query));
        Assert.Equal(2, h.Server.Count(LoopbackApiCall.QueryMore));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task QueryAsync_HostileValue_MatchesOnlyItself(string hostile)
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        foreach (var name in Hostile.Append("Plain").Append("x"))
        {
            h.Server.Seed("Account", new JsonObject { ["Name"] = name });
        }

        var query = Soql.Query($"SELECT Id, Name FROM Account WHERE Name = {hostile}");
        output.WriteLine(query.Text);
        var matches = new List<JsonObject>();
        await foreach (var record in h.Client.QueryAsync(query, CancellationToken.None))
        {
            matches.Add(record);
        }

        Assert.Equal(hostile, Assert.Single(matches)["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueryAsync_RelationshipInAndDateRange_ReturnsMatchingRowsInOrder()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        var account = h.Server.Seed("Account", new JsonObject { ["Name"] = "Acme", ["OwnerId"] = "005000000000042AAA" });
        h.Server.Seed("Task", new JsonObject { ["Subject"] = "a", ["WhatId"] = account, ["ActivityDate"] = "2026-11-01", ["Priority"] = "High" });
        h.Server.Seed("Task", new JsonObject { ["Subject"] = "b", ["WhatId"] = account, ["ActivityDate"] = "2026-11-03", ["Priority"] = "Normal" });
        h.Server.Seed("Task", new JsonObject { ["Subject"] = "c", ["WhatId"] = account, ["ActivityDate"] = "2026-12-01", ["Priority"] = "High" });
        h.Server.Seed("Task", new JsonObject { ["Subject"] = "d", ["ActivityDate"] = "2026-11-02", ["Priority"] = "Low" });

        var from = new DateOnly(2026, 11, 1);
        var to = new DateOnly(2026, 11, 30);
        string[] priorities = ["High", "Normal"];
        var query = Soql.Query($"SELECT Subject, What.OwnerId FROM Task WHERE ActivityDate >= {from} AND ActivityDate <= {to} AND (Priority IN {priorities} OR Subject = 'd') ORDER BY Subject DESC LIMIT 10");
        var rows = new List<JsonObject>();
        await foreach (var row in h.Client.QueryAsync(query, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(["d", "b", "a"], rows.Select(r => r["Subject"]!.GetValue<string>()));
        Assert.Equal("005000000000042AAA", rows[1]["What"]!["OwnerId"]!.GetValue<string>());
        Assert.Null(rows[0]["What"]);
    }

    [Fact]
    public async Task QueryAsync_UnknownObject_ThrowsPermanent()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(async () =>
        {
            await foreach (var _ in h.Client.QueryAsync(Soql.Query($"SELECT Id FROM {Soql.Identifier("Nope__c")}"), CancellationToken.None))
            {
            }
        });

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("INVALID_TYPE", ex.Code);
    }
}
