using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Core.Replay;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf gap-fill</c> against LoopbackStripe and LoopbackSalesforce over real HTTP, without Service Bus (in-process).</summary>
public sealed class GapFillCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task GapFill_WithoutServiceBus_ProcessesTheEventsSinceTInProcessAndExitsZero()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "gap", ClientSecret = "gap" });
        var now = DateTimeOffset.UtcNow;
        var t = now.AddHours(-2).ToUnixTimeSeconds();
        AddEvent(stripe, "evt_cli_gap_old", "customer.created", StripeObjects.Customer("cus_cli_old", "Before T Co", "old@example.com", t - 7200), t - 7200);
        AddEvent(stripe, "evt_cli_gap_a", "customer.created", StripeObjects.Customer("cus_cli_gap", "Gap Co", "gap@example.com", t + 60), t + 60);
        AddEvent(stripe, "evt_cli_gap_b", "charge.succeeded", StripeObjects.Charge("ch_cli_gap", "cus_cli_gap", 4200, 0, "succeeded", t + 120), t + 120);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var since = DateTimeOffset.FromUnixTimeSeconds(t).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var exitCode = await GapFillCommand.RunAsync(Settings(salesforce, stripe), since, new ReplayOptions { MaxRetryDelay = TimeSpan.Zero }, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exitCode);
        Assert.Contains("processed in-process", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("written          evt_cli_gap_a customer.created", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 routed events listed: 2 written", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("Gap Co", (string?)Assert.Single(salesforce.Records("Account"))["Name"]);
        var payment = Assert.Single(salesforce.Records("Stripe_Payment__c"));
        Assert.Equal(42m, decimal.Parse(payment["Amount__c"]!.ToJsonString(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GapFill_WithoutStripeApiKeyOrWithABadSince_ExitsTwoNamingEachProblem()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "gap", ClientSecret = "gap" });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await GapFillCommand.RunAsync(Settings(salesforce, stripe, stripeKey: null), "yesterday", new ReplayOptions(), output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("Stripe__ApiKey is required", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--since yesterday is not a UTC time", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    [Fact]
    public async Task GapFill_WithServiceBusButNoClaimCheckStorage_ExitsTwoBeforeEnqueuingAnything()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "gap", ClientSecret = "gap" });
        var configuration = new ConfigurationBuilder().AddConfiguration(Settings(salesforce, stripe))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceBus:fullyQualifiedNamespace"] = "stripesf-test.servicebus.windows.net" }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await GapFillCommand.RunAsync(configuration, "2026-11-20", new ReplayOptions(), output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("set ClaimCheck__BlobServiceUri", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stripe.Requests);
    }

    private static void AddEvent(LoopbackStripe stripe, string id, string type, JsonObject dataObject, long created) =>
        stripe.Add("events", JsonNode.Parse(TestEvents.Minimal(type, id, dataObject, created: created))!.AsObject());

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe, string? stripeKey = "rk_test_gap") =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:ApiKey"] = stripeKey,
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "gap",
            ["Salesforce:ClientSecret"] = "gap",
        }).Build();
}
