using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Salesforce.Auth;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Http;
using StripeSf.Salesforce.Metadata;

namespace StripeSf.Salesforce.Preflight;

/// <summary>
/// The Salesforce half of <c>stripesf doctor</c>: checks the settings, signs in, reads the instance,
/// API versions and DailyApiRequests, and describes every object the mapping writes. Takes the
/// options as given (not through <see cref="IOptions{TOptions}"/>) so invalid settings become
/// findings instead of a start-up exception. No console I/O.
/// </summary>
public sealed class SalesforcePreflight(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
{
    /// <summary>Runs every check; never throws for Salesforce failures, which become findings.</summary>
    public async Task<PreflightReport> RunAsync(SalesforceOptions options, IReadOnlyList<RequiredField> requiredFields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(requiredFields);
        var findings = SalesforceOptionsValidator.Check(options)
            .Select(p => new PreflightFinding(PreflightSeverity.Error, p, "Set the app setting (local.settings.json, Function App configuration or the CLI's environment) and run stripesf doctor again"))
            .ToList();
        if (findings.Count > 0)
        {
            return new PreflightReport(null, options.ApiVersion, null, [], findings);
        }

        var wrapped = Options.Create(options);
        using var tokens = new SalesforceTokenProvider(httpClientFactory, wrapped, timeProvider, loggerFactory.CreateLogger<SalesforceTokenProvider>());
        var connection = new SalesforceConnection(
            httpClientFactory.CreateClient(SalesforceConnection.HttpClientName),
            tokens,
            new SalesforceApiBudget(wrapped, timeProvider),
            wrapped,
            loggerFactory.CreateLogger<SalesforceConnection>());
        var client = new SalesforceClient(connection);

        Uri instanceUrl;
        try
        {
            instanceUrl = await client.GetInstanceUrlAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException ex)
        {
            findings.Add(new PreflightFinding(PreflightSeverity.Error, $"Salesforce refused to sign in at {options.LoginUrl}: {ex.Message}", AuthFix(ex.Code, options)));
            return new PreflightReport(null, options.ApiVersion, null, [], findings);
        }

        var versions = await SupportedVersionsAsync(connection, findings, cancellationToken).ConfigureAwait(false);
        if (versions.Count > 0 && !versions.Contains(options.ApiVersion))
        {
            findings.Add(new PreflightFinding(
                PreflightSeverity.Error,
                $"The org does not offer API version {options.ApiVersion} (newest: {versions[^1]})",
                $"Set Salesforce__ApiVersion to {versions[^1]} or another version the org lists"));
        }

        OrgLimit? daily = null;
        try
        {
            var limits = await client.GetLimitsAsync(cancellationToken).ConfigureAwait(false);
            daily = limits.GetValueOrDefault("DailyApiRequests");
            if (daily is { Max: > 0 } && daily.Used * 100d / daily.Max >= options.LimitThresholdPercent)
            {
                findings.Add(new PreflightFinding(
                    PreflightSeverity.Warning,
                    $"The org has used {daily.Used} of {daily.Max} daily API requests (at or above {options.LimitThresholdPercent} %); non-urgent work will be deferred",
                    "Wait for the rolling 24 h window, find the integration spending the allowance (Setup > Company Information), or raise Salesforce__LimitThresholdPercent"));
            }
        }
        catch (SalesforceApiException ex)
        {
            findings.Add(new PreflightFinding(PreflightSeverity.Warning, $"Could not read /limits: {ex.Message}", "Give the integration user the 'View Setup and Configuration' permission"));
        }

        foreach (var group in requiredFields.GroupBy(f => f.SObject, StringComparer.OrdinalIgnoreCase))
        {
            await CheckObjectAsync(client, group.Key, group.Select(f => f.Field).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), findings, cancellationToken).ConfigureAwait(false);
        }

        return new PreflightReport(instanceUrl, options.ApiVersion, daily, versions, findings);
    }

    private static async Task CheckObjectAsync(SalesforceClient client, string sObject, IReadOnlyList<string> fields, List<PreflightFinding> findings, CancellationToken cancellationToken)
    {
        SObjectDescription description;
        try
        {
            description = await client.DescribeAsync(sObject, cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException ex) when (ex.HttpStatusCode == 404)
        {
            findings.Add(new PreflightFinding(
                PreflightSeverity.Error,
                $"Object {sObject} does not exist or the integration user cannot see it",
                "Deploy the metadata in infra/salesforce (or map the object to an existing one in configuration) and assign the Stripe integration permission set"));
            return;
        }
        catch (SalesforceApiException ex)
        {
            findings.Add(new PreflightFinding(PreflightSeverity.Error, $"Could not describe {sObject}: {ex.Message}", "Check the integration user's object permissions, then run stripesf doctor again"));
            return;
        }

        foreach (var name in fields)
        {
            var field = description.Field(name);
            if (field is null)
            {
                // Fields hidden by field-level security are absent from describe, so "missing" may be "invisible".
                findings.Add(new PreflightFinding(
                    PreflightSeverity.Error,
                    $"Field {sObject}.{name} does not exist or is hidden from the integration user",
                    "Deploy the field from infra/salesforce (or map it to an existing field) and grant read/edit access to it in the permission set"));
            }
            else if (!field.Createable || !field.Updateable)
            {
                findings.Add(new PreflightFinding(
                    PreflightSeverity.Error,
                    $"Field {sObject}.{name} is not writable by the integration user (createable: {field.Createable}, updateable: {field.Updateable})",
                    "Grant Edit access to the field in the permission set; formula and roll-up fields cannot be written, so map another field"));
            }
        }
    }

    private static async Task<IReadOnlyList<string>> SupportedVersionsAsync(SalesforceConnection connection, List<PreflightFinding> findings, CancellationToken cancellationToken)
    {
        try
        {
            var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, "/services/data/", "versions"), cancellationToken).ConfigureAwait(false);
            return (JsonNode.Parse(response.Body) as JsonArray ?? [])
                .Select(v => v?["version"]?.GetValue<string>())
                .OfType<string>()
                .ToArray();
        }
        catch (SalesforceApiException ex)
        {
            findings.Add(new PreflightFinding(PreflightSeverity.Warning, $"Could not list the org's API versions: {ex.Message}", "Check the instance is reachable from this machine"));
            return [];
        }
    }

    private static string AuthFix(string code, SalesforceOptions options) => code switch
    {
        "invalid_grant" when options.UsesJwtBearer =>
            "Check Salesforce__Username, that the connected app holds the certificate matching Salesforce__PrivateKey, that the user is pre-authorised (Manage Connected Apps > Admin approved users are pre-authorized + profile or permission set), and that Salesforce__LoginUrl is https://test.salesforce.com for sandboxes",
        "invalid_grant" =>
            "Set a Run As user for the client-credentials flow in the connected app and use the org's My Domain URL as Salesforce__LoginUrl",
        "invalid_client_id" or "invalid_client" =>
            "Check Salesforce__ClientId (the consumer key) and Salesforce__ClientSecret; new connected apps take up to 10 minutes to become usable",
        _ => "Check Salesforce__LoginUrl is reachable from this machine and the connected app's OAuth policies allow this flow",
    };
}
