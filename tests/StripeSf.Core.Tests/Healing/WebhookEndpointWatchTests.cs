using Microsoft.Extensions.Logging;
using Stripe;
using StripeSf.Core.Healing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Routing;
using StripeSf.Core.Tests.Reconciliation;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Healing;

/// <summary>The endpoint watch of the nightly run, against the loopback Stripe's webhook endpoints.</summary>
public sealed class WebhookEndpointWatchTests(ITestOutputHelper output)
{
    private const string OurUrl = "https://stripesf.example.net/api/stripe/webhook?code=k";

    [Fact]
    public async Task RunAsync_EndpointDisabledMissingTypesAtAnotherVersion_LogsTheAlertLineAndFilesACaseWithIt()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.Stripe.Endpoints.Clear();
        harness.Stripe.AddEndpoint("we_down", OurUrl, RoutingTable.Default.EventTypes.Where(t => t is not "charge.refunded" and not "invoice.paid"), "2025-03-31.basil", status: "disabled");
        harness.StripeCharge("ch_ok", 4999, TimeSpan.FromHours(1));
        harness.SalesforceCharge("ch_ok", 49.99m, TimeSpan.FromHours(1));

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        foreach (var line in report.Lines(50))
        {
            output.WriteLine(line);
        }

        Assert.Empty(report.Discrepancies);
        Assert.Equal(3, report.Warnings.Count);
        var alerts = harness.Logs.Entries.Where(e => e.Template.StartsWith("StripeEndpointUnhealthy", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(LogLevel.Warning, a.Level));
        Assert.All(alerts, a => Assert.Equal("we_down", a.Properties["EndpointId"]));
        var @case = Assert.Single(harness.Salesforce.Records("Case"));
        Assert.Equal("reconciliation:2026-11-21", @case["Stripe_Case_Key__c"]!.GetValue<string>());
        Assert.Contains("3 integration warnings", @case["Subject"]!.GetValue<string>(), StringComparison.Ordinal);
        var description = @case["Description"]!.GetValue<string>();
        Assert.Contains($"we_down ({OurUrl}) is disabled: Stripe sends it no events", description, StringComparison.Ordinal);
        Assert.Contains("does not send 2 routed event type(s): charge.refunded, invoice.paid", description, StringComparison.Ordinal);
        Assert.Contains($"uses API version 2025-03-31.basil, not the pinned {StripeConfiguration.ApiVersion}", description, StringComparison.Ordinal);
        Assert.Contains("stripesf gap-fill", description, StringComparison.Ordinal);
        Assert.Equal("Completed", Assert.Single(harness.Salesforce.Records(ReconciliationRunFields.Object))["Status__c"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_NoEndpoint_SaysNoneDeliversAndHowToCreateOne()
    {
        await using var harness = await ReconciliationHarness.StartAsync();
        harness.Stripe.Endpoints.Clear();

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("none of the 0 webhook endpoint(s) delivers to /api/stripe/webhook", warning, StringComparison.Ordinal);
        Assert.Contains("stripesf stripe create-endpoint", warning, StringComparison.Ordinal);
        Assert.Single(harness.Logs.Entries, e => e.Template.StartsWith("StripeEndpointUnhealthy", StringComparison.Ordinal));
        Assert.Single(harness.Salesforce.Records("Case"));
    }

    [Fact]
    public async Task RunAsync_HealthyEndpoint_NoWarningNoCase()
    {
        await using var harness = await ReconciliationHarness.StartAsync();

        var report = await harness.Runner.RunAsync(ReconciliationHarness.Window, null, CancellationToken.None);

        Assert.Empty(report.Warnings);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Template.StartsWith("StripeEndpointUnhealthy", StringComparison.Ordinal));
        Assert.Empty(harness.Salesforce.Records("Case"));
        Assert.Single(harness.Stripe.Requests, r => r.Path == "/v1/webhook_endpoints");
    }

    [Fact]
    public void Judge_AnotherIntegrationsEndpointAtAnotherVersion_IsNotThisAppsConcern()
    {
        var watch = new WebhookEndpointWatch(RoutingTable.Default);
        var ours = new WebhookEndpoint { Id = "we_ours", Url = OurUrl, Status = "enabled", EnabledEvents = [.. RoutingTable.Default.EventTypes], ApiVersion = StripeConfiguration.ApiVersion };
        var theirs = new WebhookEndpoint { Id = "we_crm", Url = "https://crm.example.com/hooks", Status = "disabled", EnabledEvents = ["customer.created"], ApiVersion = "2020-08-27" };

        var health = watch.Judge([ours, theirs]);

        Assert.Empty(health.Findings);
        Assert.True(health.Delivers);
        Assert.Equal($"we_ours ({OurUrl})", Assert.Single(health.Healthy));
    }

    [Fact]
    public void Judge_WildcardEndpointBehindACustomDomain_IsOursAndComplete()
    {
        var watch = new WebhookEndpointWatch(RoutingTable.Default);
        var proxied = new WebhookEndpoint { Id = "we_proxy", Url = "https://billing.example.com/stripe", Status = "enabled", EnabledEvents = ["*"], ApiVersion = StripeConfiguration.ApiVersion };

        var health = watch.Judge([proxied]);

        Assert.Empty(health.Findings);
        Assert.True(health.Delivers);
    }
}
