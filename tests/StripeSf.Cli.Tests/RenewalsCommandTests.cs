using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf renewals</c> against LoopbackStripe and LoopbackSalesforce over real HTTP.</summary>
public sealed class RenewalsCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Renewals_DryRun_PrintsWhatItWouldCreateWritesNothingAndExitsZero()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(Org());
        var termEnd = Due(stripe, salesforce, "sub_cli_dry", "cus_cli_dry", days: 40);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RenewalsCommand.RunAsync(Settings(salesforce, stripe), null, dryRun: true, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exitCode);
        Assert.Contains($"would create sub_cli_dry:{termEnd:yyyy-MM-dd}", Squeeze(output), StringComparison.Ordinal);
        Assert.Contains("would create 1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing written (dry run)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Listed 1 page(s) of active subscriptions", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(salesforce.Records("Opportunity"), o => o["Stripe_Renewal_Key__c"] is not null);
        Assert.Equal(0, salesforce.Count(LoopbackApiCall.Collections));
    }

    [Fact]
    public async Task Renewals_WithDays_CreatesOnlyTermsWithinThemAndReportsTheCalls()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(Org());
        var soon = Due(stripe, salesforce, "sub_cli_soon", "cus_cli_soon", days: 20);
        Due(stripe, salesforce, "sub_cli_later", "cus_cli_later", days: 60);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RenewalsCommand.RunAsync(Settings(salesforce, stripe), 30, dryRun: false, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exitCode);
        var renewal = Assert.Single(salesforce.Records("Opportunity"), o => o["Stripe_Renewal_Key__c"] is not null);
        Assert.Equal($"sub_cli_soon:{soon:yyyy-MM-dd}", (string?)renewal["Stripe_Renewal_Key__c"]);
        Assert.Contains("2 active subscriptions, 1 with a term ending by", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("created 1", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"1 Stripe list calls; {salesforce.ApiCalls} Salesforce API calls", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renewals_RefusedBySalesforce_PrintsTheErrorAndExitsOne()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "renew", ClientSecret = "renew", StrictFields = true });
        Due(stripe, salesforce, "sub_cli_bad", "cus_cli_bad", days: 10);
        var settings = new ConfigurationBuilder().AddConfiguration(Settings(salesforce, stripe))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Mapping:Opportunity:Mrr"] = "Renewal_MRR__c" }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RenewalsCommand.RunAsync(settings, null, dryRun: false, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(1, exitCode);
        Assert.Contains("INVALID_FIELD", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 failed", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "0", "--days 0 must be between 1 and 730")]
    [InlineData("rk_test_cli", "monthly", "Renewals__Intervals: monthly is not a Stripe billing interval")]
    [InlineData(null, null, "Stripe__ApiKey is required")]
    public async Task Renewals_SetupError_ExitsTwoNamingWhatToFix(string? apiKey, string? problem, string message)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(Org());
        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(), ["Salesforce:ClientId"] = "renew", ["Salesforce:ClientSecret"] = "renew",
            ["Stripe:ApiKey"] = apiKey ?? (problem == "0" ? "rk_test_cli" : null), ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["Renewals:Intervals"] = problem == "monthly" ? "year,monthly" : "year",
        };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await RenewalsCommand.RunAsync(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), problem == "0" ? 0 : null, dryRun: false, output, error, CancellationToken.None);

        log.WriteLine(error.ToString());
        Assert.Equal(2, exitCode);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    private static LoopbackSalesforceOptions Org() => new() { ClientId = "renew", ClientSecret = "renew" };

    /// <summary>A yearly subscription whose term ends <paramref name="days"/> from now, and its Account.</summary>
    private static DateTimeOffset Due(LoopbackStripe stripe, LoopbackSalesforce salesforce, string id, string customer, int days)
    {
        var end = DateTimeOffset.UtcNow.AddDays(days);
        var subscription = StripeObjects.Subscription(id, customer, "active", 120_000, 1, end.AddYears(-1).ToUnixTimeSeconds(), end.AddYears(-2).ToUnixTimeSeconds());
        var item = subscription["items"]!["data"]![0]!;
        item["current_period_end"] = end.ToUnixTimeSeconds();
        item["price"]!["recurring"]!["interval"] = "year";
        stripe.Add("subscriptions", subscription);
        salesforce.Seed("Account", new JsonObject { ["Name"] = customer, ["Stripe_Customer_Id__c"] = customer, ["OwnerId"] = "005CLI000000001AAA" });
        return end.ToUniversalTime();
    }

    private static string Squeeze(StringWriter writer) => System.Text.RegularExpressions.Regex.Replace(writer.ToString(), " +", " ");

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
        ["Salesforce:ClientId"] = "renew",
        ["Salesforce:ClientSecret"] = "renew",
        ["Stripe:ApiKey"] = "rk_test_cli",
        ["Stripe:ApiBase"] = stripe.BaseUrl,
        ["Logging:LogLevel:Default"] = "Warning",
    }).Build();
}
