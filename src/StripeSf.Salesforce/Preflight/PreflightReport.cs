using StripeSf.Salesforce.Metadata;

namespace StripeSf.Salesforce.Preflight;

/// <summary>What the Salesforce preflight saw: instance, API version, daily API usage and findings.</summary>
public sealed record PreflightReport(
    Uri? InstanceUrl,
    string ApiVersion,
    OrgLimit? DailyApiRequests,
    IReadOnlyList<string> SupportedApiVersions,
    IReadOnlyList<PreflightFinding> Findings)
{
    /// <summary>True when no finding is an error.</summary>
    public bool Passed => Findings.All(f => f.Severity != PreflightSeverity.Error);
}
