using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf doctor</c> against a loopback Salesforce and a loopback Stripe, over real HTTP.</summary>
public sealed class DoctorCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Doctor_WithEverythingInPlace_ReportsReadyAndExitsZero()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "doctor-id", ClientSecret = "doctor-secret" });
        await using var stripe = await LoopbackStripe.StartAsync();
        var configuration = Settings(salesforce, stripe);
        using var created = new StringWriter();
        Assert.Equal(0, await StripeCommand.CreateEndpointAsync(configuration, new Uri("https://stripesf.example.net/api/stripe/webhook?code=k"), null, created, CancellationToken.None));
        using var output = new StringWriter();

        var exitCode = await DoctorCommand.RunAsync(configuration, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(0, exitCode);
        Assert.Contains($"ok   Salesforce: signed in to {salesforce.BaseUrl}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("daily API requests", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("mapped fields exist and are writable", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("at the pinned API version", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("doctor: ready" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("signing secret (shown once): whsec_loopback_new_endpoint_secret", created.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithMissingSettingsAndAFieldMissingInTheOrg_ListsEachProblemAndExitsOne()
    {
        var options = new LoopbackSalesforceOptions { ClientId = "doctor-id", ClientSecret = "doctor-secret" };
        var account = options.Objects["Account"];
        options.Objects["Account"] = account with { Fields = [.. account.Fields.Where(f => f != "MRR__c")] };
        await using var salesforce = await LoopbackSalesforce.StartAsync(options);
        await using var stripe = await LoopbackStripe.StartAsync();
        var configuration = Settings(salesforce, stripe, webhookSecrets: null, stripeKey: null);
        using var output = new StringWriter();

        var exitCode = await DoctorCommand.RunAsync(configuration, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        var text = output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL Webhook: Stripe__WebhookSecrets is required", text, StringComparison.Ordinal);
        Assert.Contains("MRR__c", text, StringComparison.Ordinal);
        Assert.Contains("FAIL Stripe: Stripe__ApiKey is not set", text, StringComparison.Ordinal);
        Assert.Contains("doctor: 3 problem(s) to fix", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithWrongSalesforceSecret_SaysSignInFailed()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "doctor-id", ClientSecret = "right" });
        await using var stripe = await LoopbackStripe.StartAsync();
        var configuration = Settings(salesforce, stripe, salesforceSecret: "wrong");
        using var output = new StringWriter();

        var exitCode = await DoctorCommand.RunAsync(configuration, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL Salesforce:", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WithTheEndpointDisabled_FailsAndSaysWhatToFix()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "doctor-id", ClientSecret = "doctor-secret" });
        await using var stripe = await LoopbackStripe.StartAsync();
        stripe.AddEndpoint("we_disabled", "https://stripesf.example.net/api/stripe/webhook?code=k", StripeSf.Core.Routing.RoutingTable.Default.EventTypes, Stripe.StripeConfiguration.ApiVersion, status: "disabled");
        using var output = new StringWriter();

        var exitCode = await DoctorCommand.RunAsync(Settings(salesforce, stripe), output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL Stripe: key works; no enabled webhook endpoint sends all", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("warn Stripe: we_disabled (https://stripesf.example.net/api/stripe/webhook?code=k) is disabled: Stripe sends it no events", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("stripesf gap-fill", output.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe,
        string? webhookSecrets = "whsec_doctor", string? stripeKey = "rk_test_doctor", string salesforceSecret = "doctor-secret") =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:WebhookSecrets"] = webhookSecrets,
            ["Stripe:ApiKey"] = stripeKey,
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "doctor-id",
            ["Salesforce:ClientSecret"] = salesforceSecret,
        }).Build();
}
