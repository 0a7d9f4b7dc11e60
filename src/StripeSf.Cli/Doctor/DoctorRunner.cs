using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Stripe;
using StripeSf.Core.Healing;
using StripeSf.Core.Ingress;
using StripeSf.Core.Mapping;
using StripeSf.Core.Routing;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Preflight;

namespace StripeSf.Cli.Doctor;

/// <summary>
/// <c>stripesf doctor</c>: the preflight an operator runs before going live. Checks the webhook
/// settings, signs in to Salesforce (instance, API version, daily API usage, every mapped field
/// present and writable) and checks Stripe access and the webhook endpoint (the same watch as the nightly run).
/// </summary>
public sealed class DoctorRunner(IConfiguration configuration, SalesforcePreflight preflight, RoutingTable routes)
{
    /// <summary>Runs every check; never throws for a configuration problem (it becomes a check).</summary>
    public async Task<IReadOnlyList<DoctorCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        checks.AddRange(WebhookChecks());
        checks.AddRange(await SalesforceChecksAsync(cancellationToken));
        checks.AddRange(await StripeChecksAsync(cancellationToken));
        return checks;
    }

    private IEnumerable<DoctorCheck> WebhookChecks()
    {
        var options = configuration.GetSection(WebhookOptions.SectionName).Get<WebhookOptions>() ?? new WebhookOptions();
        var problems = options.Validate(new ValidationContext(options)).ToList();
        if (problems.Count == 0)
        {
            yield return new DoctorCheck("Webhook", DoctorStatus.Ok,
                $"{options.Secrets.Count} signing secret(s); mode {(string.IsNullOrWhiteSpace(options.ExpectedMode) ? "live and test" : options.ExpectedMode)}; tolerance {options.SignatureToleranceSeconds} s");
        }

        foreach (var problem in problems)
        {
            yield return new DoctorCheck("Webhook", DoctorStatus.Error, problem.ErrorMessage ?? "invalid webhook settings", "Set it in local.settings.json, the Function App settings or the environment.");
        }
    }

    private async Task<IEnumerable<DoctorCheck>> SalesforceChecksAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(SalesforceOptions.SectionName).Get<SalesforceOptions>() ?? new SalesforceOptions();
        var mapping = configuration.GetSection(SalesforceMappingOptions.SectionName).Get<SalesforceMappingOptions>() ?? new SalesforceMappingOptions();
        var report = await preflight.RunAsync(options, WrittenFieldCatalog.Of(mapping), cancellationToken);
        var checks = new List<DoctorCheck>();
        if (report.InstanceUrl is not null)
        {
            var usage = report.DailyApiRequests is { } limit
                ? $"; daily API requests {limit.Max - limit.Remaining:N0} of {limit.Max:N0} used"
                : "";
            checks.Add(new DoctorCheck("Salesforce", DoctorStatus.Ok, $"signed in to {report.InstanceUrl} (API v{report.ApiVersion}){usage}"));
        }

        checks.AddRange(report.Findings.Select(f => new DoctorCheck("Salesforce",
            f.Severity == PreflightSeverity.Error ? DoctorStatus.Error : DoctorStatus.Warning, f.Problem, f.Fix)));
        if (report.Passed && report.InstanceUrl is not null)
        {
            checks.Add(new DoctorCheck("Salesforce", DoctorStatus.Ok, $"all {WrittenFieldCatalog.Of(mapping).Count} mapped fields exist and are writable"));
        }

        return checks;
    }

    private async Task<IEnumerable<DoctorCheck>> StripeChecksAsync(CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(StripeApiOptions.SectionName).Get<StripeApiOptions>() ?? new StripeApiOptions();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return [new DoctorCheck("Stripe", DoctorStatus.Error, "Stripe__ApiKey is not set",
                "Create a restricted key (rk_…) with read access to webhook endpoints, charges, invoices, customers and subscriptions, and store it in Key Vault as stripe-api-key.")];
        }

        EndpointHealth health;
        try
        {
            health = await new WebhookEndpointWatch(routes).CheckAsync(StripeClientFactory.Create(options), cancellationToken);
        }
        catch (StripeException ex)
        {
            return [new DoctorCheck("Stripe", DoctorStatus.Error, $"the Stripe API refused the key: {ex.Message}", "Check Stripe__ApiKey and that the restricted key may read webhook endpoints.")];
        }

        var checks = new List<DoctorCheck>();
        if (!health.Delivers)
        {
            checks.Add(new DoctorCheck("Stripe", DoctorStatus.Error, $"key works; no enabled webhook endpoint sends all {routes.EventTypes.Count} routed event types",
                "Run: stripesf stripe create-endpoint --url https://<app>.azurewebsites.net/api/stripe/webhook?code=<function key>"));
        }

        checks.AddRange(health.Healthy.Select(name => new DoctorCheck("Stripe", DoctorStatus.Ok, $"endpoint {name} is enabled and sends every routed type at the pinned API version {StripeConfiguration.ApiVersion}")));
        checks.AddRange(health.Findings.Select(f => new DoctorCheck("Stripe", DoctorStatus.Warning, f.Problem, f.Fix)));
        return checks;
    }
}
