using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Writes a run's result in ONE composite call: the run record upserted by Run_Key__c and, when
/// something disagrees, a Case upserted by Stripe_Case_Key__c = <c>reconciliation:{runKey}</c> and
/// the JSON report attached to it as a file (a ContentVersion whose FirstPublishLocationId is the
/// Case, by reference to the Case's upsert). The records are keyed by the window, so a re-run
/// rewrites the same two (and attaches its own report).
/// </summary>
public sealed class ReconciliationRunWriter(ISalesforceClient salesforce, IOptions<SalesforceMappingOptions> mapping, IOptions<ReconciliationOptions> options)
{
    private const int NameLength = 80;
    private const int DescriptionLength = 32_000;

    /// <summary>
    /// Discrepancies listed in the attached report: keeps the composite request a few MB (base64 in
    /// JSON); every one is counted, and <c>stripesf reconcile --report</c> lists all.
    /// </summary>
    public const int MaxAttachedDiscrepancies = 10_000;

    /// <summary>The Case key of a run.</summary>
    public static string CaseKey(string runKey) => $"reconciliation:{runKey}";

    /// <summary>Writes a completed run (and its Case when there are discrepancies).</summary>
    public async Task WriteAsync(ReconciliationReport report, CancellationToken cancellationToken)
    {
        var fields = Run(report.Window, ReconciliationRunFields.StatusCompleted, $"Reconciliation {report.Window.RunKey}");
        fields[ReconciliationRunFields.RecordsChecked] = report.RecordsChecked;
        fields[ReconciliationRunFields.ReenqueuedCount] = report.Reenqueued;
        foreach (var kind in Enum.GetValues<DiscrepancyKind>())
        {
            fields[ReconciliationRunFields.Count(kind)] = report.Count(kind);
            fields[ReconciliationRunFields.Amount(kind)] = report.Amount(kind);
        }

        if (report.GapFill is { } gapFill)
        {
            fields[ReconciliationRunFields.GapFillThrough] = SalesforceValues.DateTime(gapFill.Window.Until);
        }

        var plan = new CompositePlanBuilder().Upsert("run", ReconciliationRunFields.Object, ReconciliationRunFields.RunKey, report.Window.RunKey, fields);
        if (report.DiscrepancyCount > 0 || report.Warnings.Count > 0)
        {
            var map = mapping.Value.Case;
            plan.Upsert("case", map.Object, map.ExternalId, CaseKey(report.Window.RunKey), new JsonObject
            {
                [map.Subject] = Subject(report),
                [map.Priority] = map.PriorityHigh,
                [map.Description] = Truncate(string.Join('\n', report.Lines(options.Value.MaxListedDiscrepancies)), DescriptionLength),
            });
            plan.Create("report", ContentVersionFields.Object, new JsonObject
            {
                [ContentVersionFields.Title] = $"Stripe reconciliation {report.Window.RunKey}",
                [ContentVersionFields.PathOnClient] = $"reconciliation-{report.Window.RunKey}.json",
                [ContentVersionFields.VersionData] = await ReportBase64Async(report, cancellationToken).ConfigureAwait(false),
                [ContentVersionFields.FirstPublishLocationId] = CompositePlanBuilder.Ref("case"),
            });
        }

        await SendAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks the run Failed; the record name carries the start of the error (the object has no message field).</summary>
    public Task WriteFailedAsync(ReconciliationWindow window, string message, CancellationToken cancellationToken)
    {
        var fields = Run(window, ReconciliationRunFields.StatusFailed, Truncate($"Reconciliation {window.RunKey} failed: {message}", NameLength));
        return SendAsync(new CompositePlanBuilder().Upsert("run", ReconciliationRunFields.Object, ReconciliationRunFields.RunKey, window.RunKey, fields), cancellationToken);
    }

    private static JsonObject Run(ReconciliationWindow window, string status, string name) => new()
    {
        [ReconciliationRunFields.Name] = name,
        [ReconciliationRunFields.WindowStart] = SalesforceValues.DateTime(window.Start),
        [ReconciliationRunFields.WindowEnd] = SalesforceValues.DateTime(window.End),
        [ReconciliationRunFields.Status] = status,
    };

    private async Task SendAsync(CompositePlanBuilder plan, CancellationToken cancellationToken)
    {
        var response = await salesforce.CompositeAsync(plan.Build().Request, cancellationToken).ConfigureAwait(false);
        if (!response.AllSucceeded)
        {
            throw new InvalidOperationException("Salesforce refused the reconciliation result: " +
                string.Join("; ", response.Failures().Select(f => $"{f.ReferenceId}: {f.Code} {f.Message}")));
        }
    }

    private static async Task<string> ReportBase64Async(ReconciliationReport report, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await ReconciliationReportFile.WriteJsonAsync(report, buffer, MaxAttachedDiscrepancies, cancellationToken).ConfigureAwait(false);
        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Subject(ReconciliationReport report) => (report.DiscrepancyCount, report.Warnings.Count) switch
    {
        (> 0, 0) => $"Stripe reconciliation {report.Window.RunKey}: {report.DiscrepancyCount} discrepancies",
        (> 0, _) => $"Stripe reconciliation {report.Window.RunKey}: {report.DiscrepancyCount} discrepancies; {report.Warnings.Count} integration warnings",
        _ => $"Stripe reconciliation {report.Window.RunKey}: {report.Warnings.Count} integration warnings (webhook endpoint or gap-fill)",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
