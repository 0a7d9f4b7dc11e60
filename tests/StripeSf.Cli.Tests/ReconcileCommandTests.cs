using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf reconcile</c> against LoopbackStripe and LoopbackSalesforce over real HTTP.</summary>
public sealed class ReconcileCommandTests(ITestOutputHelper log)
{
    private static readonly DateTimeOffset WindowStart = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Reconcile_RepairWithTheMissingChargesEvent_WritesTheRecordAndExitsZero()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        AddCharge(stripe, "ch_cli_match", 4999, TimeSpan.FromHours(1));
        SeedCharge(salesforce, "ch_cli_match", 49.99m, TimeSpan.FromHours(1));
        var missing = AddCharge(stripe, "ch_cli_missing", 2500, TimeSpan.FromHours(2));
        stripe.Add("events", JsonNode.Parse(TestEvents.Minimal("charge.succeeded", "evt_cli_missing", (JsonObject)missing.DeepClone(), created: At(TimeSpan.FromHours(2))))!.AsObject());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(Settings(salesforce, stripe), "2026-11-21", null, repair: true, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        log.WriteLine($"Salesforce API calls: {salesforce.ApiCalls}; Stripe API calls: {stripe.Requests.Count} ({string.Join(", ", stripe.Requests.Select(r => r.Path.Split('?')[0]))})");
        Assert.Equal(0, exitCode);
        var written = Assert.Single(salesforce.Records("Stripe_Payment__c"), r => r["Stripe_Payment_Id__c"]?.GetValue<string>() == "ch_cli_missing");
        Assert.Equal(25m, decimal.Parse(written["Amount__c"]!.ToJsonString(), CultureInfo.InvariantCulture));
        Assert.Contains("Missing" + new string(' ', 24) + "1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("processed evt_cli_missing: written", output.ToString(), StringComparison.Ordinal);
        var run = Assert.Single(salesforce.Records("Stripe_Reconciliation_Run__c"));
        Assert.Equal(1, run["Reenqueued_Count__c"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reconcile_AmountMismatchRemains_PrintsOneLinePerClassAndExitsOne()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        AddCharge(stripe, "ch_cli_amount", 10000, TimeSpan.FromHours(3));
        SeedCharge(salesforce, "ch_cli_amount", 90m, TimeSpan.FromHours(3));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(Settings(salesforce, stripe), "2026-11-21", 1, repair: true, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(1, exitCode);
        var lines = output.ToString().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(lines, l => l.StartsWith("Missing ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("AmountMismatch  ", StringComparison.Ordinal) && l.EndsWith("10.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("StatusMismatch ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Orphan ", StringComparison.Ordinal));
        Assert.Contains("AmountMismatch charge ch_cli_amount: Stripe 100.00 USD, Salesforce 90.00 USD", output.ToString(), StringComparison.Ordinal);
        Assert.Single(salesforce.Records("Case"));
    }

    [Theory]
    [InlineData("report.json")]
    [InlineData("report.csv")]
    public async Task Reconcile_WithReport_WritesEveryDiscrepancyInTheFileShapedByItsExtension(string name)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        AddCharge(stripe, "ch_cli_match", 4999, TimeSpan.FromHours(1));
        SeedCharge(salesforce, "ch_cli_match", 49.99m, TimeSpan.FromHours(1));
        AddCharge(stripe, "ch_cli_amount", 10000, TimeSpan.FromHours(3));
        var recordId = SeedCharge(salesforce, "ch_cli_amount", 90m, TimeSpan.FromHours(3));
        AddCharge(stripe, "ch_cli_missing", 2500, TimeSpan.FromHours(4));
        var folder = Directory.CreateTempSubdirectory("stripesf-report-");
        var path = Path.Combine(folder.FullName, name);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(Settings(salesforce, stripe), "2026-11-21", null, repair: false, output, error, CancellationToken.None, reportPath: path);

        var text = await File.ReadAllTextAsync(path);
        log.WriteLine(output.ToString() + error + "\n" + text);
        folder.Delete(recursive: true);
        Assert.Equal(1, exitCode);
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("class,stripeId,salesforceId,currency,stripeAmount,salesforceAmount,detail", rows[0]);
            Assert.Equal(
                ["amount_mismatch,ch_cli_amount," + recordId + ",USD,100,90,\"Stripe 100.00 USD, Salesforce 90.00 USD\"",
                 "missing_in_salesforce,ch_cli_missing,,USD,25,,\"Stripe 25.00 USD paid 2026-11-21 04:00:00Z, no Salesforce record\""],
                rows[1..].Order(StringComparer.Ordinal));
            return;
        }

        var json = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["window", "discrepancies", "totals"], json.Select(p => p.Key));
        Assert.Equal("{\"from\":\"2026-11-21T00:00:00Z\",\"to\":\"2026-11-22T00:00:00Z\"}", json["window"]!.ToJsonString());
        var amount = json["discrepancies"]!.AsArray().Single(d => d!["class"]!.GetValue<string>() == "amount_mismatch")!.AsObject();
        Assert.Equal(["class", "stripeId", "salesforceId", "currency", "stripeAmount", "salesforceAmount", "detail"], amount.Select(p => p.Key));
        Assert.Equal(("ch_cli_amount", recordId, "USD", 100m, 90m),
            (amount["stripeId"]!.GetValue<string>(), amount["salesforceId"]!.GetValue<string>(), amount["currency"]!.GetValue<string>(), amount["stripeAmount"]!.GetValue<decimal>(), amount["salesforceAmount"]!.GetValue<decimal>()));
        Assert.Equal(2, json["discrepancies"]!.AsArray().Count);
        Assert.Equal("[{\"currency\":\"USD\",\"stripe\":174.99,\"salesforce\":139.99}]", json["totals"]!.ToJsonString());
    }

    [Fact]
    public async Task Reconcile_DryRun_WritesNothingToSalesforceAndRepairsNothing()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        AddCharge(stripe, "ch_cli_amount", 10000, TimeSpan.FromHours(3));
        SeedCharge(salesforce, "ch_cli_amount", 90m, TimeSpan.FromHours(3));
        var missing = AddCharge(stripe, "ch_cli_missing", 2500, TimeSpan.FromHours(2));
        stripe.Add("events", JsonNode.Parse(TestEvents.Minimal("charge.succeeded", "evt_cli_missing", (JsonObject)missing.DeepClone(), created: At(TimeSpan.FromHours(2))))!.AsObject());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(Settings(salesforce, stripe), "2026-11-21", null, repair: false, output, error, CancellationToken.None, dryRun: true);

        log.WriteLine(output.ToString() + error);
        log.WriteLine(string.Join('\n', salesforce.CallLog));
        Assert.Equal(1, exitCode);
        Assert.Contains("Missing charge ch_cli_missing: Stripe 25.00 USD paid", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(dry run: nothing written)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("reconcile: charges and invoices: 2 checked, 2 discrepancies so far", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(salesforce.CallLog, call => !call.StartsWith("GET ", StringComparison.Ordinal) && !call.Contains("/oauth2/token", StringComparison.Ordinal));
        Assert.Empty(salesforce.Records("Stripe_Reconciliation_Run__c"));
        Assert.Empty(salesforce.Records("Case"));
        Assert.DoesNotContain(salesforce.Records("Stripe_Payment__c"), r => r["Stripe_Payment_Id__c"]?.GetValue<string>() == "ch_cli_missing");
        Assert.DoesNotContain(stripe.Requests, r => r.Path.StartsWith("/v1/events?", StringComparison.Ordinal) && r.Path.Contains("charge.succeeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_DryRunWithRepair_ExitsTwoNamingTheConflict()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        await using var stripe = await LoopbackStripe.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(Settings(salesforce, stripe), "2026-11-21", null, repair: true, output, error, CancellationToken.None, dryRun: true);

        Assert.Equal(2, exitCode);
        Assert.Contains("--repair and --dry-run", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    [Fact]
    public async Task Reconcile_WithoutStripeApiKey_ExitsTwoNamingTheSetting()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "recon",
            ["Salesforce:ClientSecret"] = "recon",
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ReconcileCommand.RunAsync(configuration, "2026-11-21", null, repair: false, output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Stripe__ApiKey", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    private static long At(TimeSpan offset) => WindowStart.Add(offset).ToUnixTimeSeconds();

    private static JsonObject AddCharge(LoopbackStripe stripe, string id, long amount, TimeSpan at)
    {
        var charge = StripeObjects.Charge(id, "cus_cli", amount, 0, "succeeded", At(at));
        stripe.Add("charges", charge);
        return charge;
    }

    private static string SeedCharge(LoopbackSalesforce salesforce, string id, decimal amount, TimeSpan at) =>
        salesforce.Seed("Stripe_Payment__c", new JsonObject
        {
            ["Stripe_Payment_Id__c"] = id, ["Type__c"] = "Charge", ["Amount__c"] = amount, ["Currency__c"] = "USD", ["Status__c"] = "succeeded",
            ["Paid_At__c"] = WindowStart.Add(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        });

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
        ["Salesforce:ClientId"] = "recon",
        ["Salesforce:ClientSecret"] = "recon",
        ["Stripe:ApiKey"] = "rk_test_cli",
        ["Stripe:ApiBase"] = stripe.BaseUrl,
        ["Logging:LogLevel:Default"] = "Warning",
    }).Build();
}
