using System.Globalization;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Renewals;

/// <summary>What one sweep read and did: the active subscriptions listed, and a result per subscription due.</summary>
public sealed record RenewalSweepReport(DateTimeOffset AsOf, int Days, bool DryRun, int Listed, IReadOnlyList<RenewalResult> Results)
{
    /// <summary>Stripe list calls the sweep made (one per page of 100 subscriptions).</summary>
    public int StripeCalls { get; init; }

    /// <summary>Results with <paramref name="outcome"/>.</summary>
    public int Count(RenewalOutcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>True when Salesforce refused at least one renewal.</summary>
    public bool HasFailures => Results.Any(r => r.Outcome == RenewalOutcome.Failed);

    /// <summary>The one-line summary (logged by the timer, printed last by the CLI).</summary>
    public string Summary => DryRun
        ? $"renewals (dry run): {Listed} active subscriptions, {Results.Count} with a term ending by {SalesforceValues.Date(AsOf.AddDays(Days))}; would create {Count(RenewalOutcome.WouldCreate)}, {Count(RenewalOutcome.Exists)} exist, {Count(RenewalOutcome.NoAccount)} without an Account"
        : $"renewals: {Listed} active subscriptions, {Results.Count} with a term ending by {SalesforceValues.Date(AsOf.AddDays(Days))}; created {Count(RenewalOutcome.Created)}, {Count(RenewalOutcome.Exists)} exist, {Count(RenewalOutcome.NoAccount)} without an Account, {Count(RenewalOutcome.Failed)} failed";

    /// <summary>One line per subscription due, then the summary.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var result in Results.OrderBy(r => r.Candidate.Term.End).ThenBy(r => r.Candidate.Key, StringComparer.Ordinal))
        {
            var c = result.Candidate;
            var amount = c.Acv.ToString("0.##", CultureInfo.InvariantCulture);
            var error = result.Error is null ? "" : $": {result.Error}";
            yield return $"  {Label(result.Outcome),-12} {c.Key}  {c.Name}  ACV {amount} {c.Currency?.ToUpperInvariant()}  term end: {Source(c.Term.Source)}{error}";
        }

        yield return Summary;
    }

    private static string Source(RenewalTermSource source) => source switch
    {
        RenewalTermSource.CancelAt => "cancel_at",
        RenewalTermSource.Contract => "Contract end",
        _ => "period end",
    };

    private static string Label(RenewalOutcome outcome) => outcome switch
    {
        RenewalOutcome.WouldCreate => "would create",
        RenewalOutcome.NoAccount => "no Account",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
