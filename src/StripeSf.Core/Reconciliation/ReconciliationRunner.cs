using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.Healing;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The nightly Stripe-vs-Salesforce check of one window: lists what Stripe collected (succeeded
/// charges with a customer, invoices paid) and what Salesforce recorded as paid in the same
/// window, classifies the differences, optionally repairs what is missing by sending its Stripe
/// event through processing again, and writes the run record (and a Case when anything disagrees)
/// in one composite call. Plain C#: the timer function and <c>stripesf reconcile</c> both call it.
/// </summary>
public sealed class ReconciliationRunner(
    StripeReconciliationReader stripe,
    SalesforceReconciliationReader salesforce,
    ReconciliationRunWriter writer,
    ReconciliationStripeClient stripeClient,
    WebhookEndpointWatch endpoints,
    GapFiller gapFiller,
    Notifications.EventNotifier notifier,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ReconciliationRunner> logger)
{
    /// <summary>The configured window: the <c>Reconciliation__WindowDays</c> days that ended at the last UTC midnight.</summary>
    public ReconciliationWindow DefaultWindow() => ReconciliationWindow.EndingBefore(time.GetUtcNow(), options.Value.WindowDays);

    /// <summary>
    /// The scheduled run: the default window, gap-filled through <paramref name="gapFill"/> when
    /// <c>Reconciliation__GapFill</c> is on, repaired through <paramref name="repairer"/> when
    /// <c>Reconciliation__Repair</c> is on.
    /// </summary>
    public Task<ReconciliationReport> RunScheduledAsync(IMissingEventRepairer repairer, IGapFillTarget gapFill, CancellationToken cancellationToken) =>
        RunAsync(DefaultWindow(), options.Value.Repair ? repairer : null, options.Value.GapFill ? gapFill : null, cancellationToken);

    /// <inheritdoc cref="RunAsync(ReconciliationWindow, IMissingEventRepairer?, IGapFillTarget?, CancellationToken)"/>
    public Task<ReconciliationReport> RunAsync(ReconciliationWindow window, IMissingEventRepairer? repairer, CancellationToken cancellationToken) =>
        RunAsync(window, repairer, null, cancellationToken);

    /// <summary>
    /// Reads the Stripe webhook endpoints, gap-fills through <paramref name="gapFill"/> when given
    /// (from the last successful gap-fill until now; its end is recorded on the run), checks
    /// <paramref name="window"/>, repairs missing objects when <paramref name="repairer"/> is given,
    /// writes the result. On failure the run record says Failed and the exception propagates (the
    /// function invocation fails, which the function-failure alert sees).
    /// </summary>
    public async Task<ReconciliationReport> RunAsync(ReconciliationWindow window, IMissingEventRepairer? repairer, IGapFillTarget? gapFill, CancellationToken cancellationToken)
    {
        try
        {
            var warnings = await WatchEndpointsAsync(cancellationToken).ConfigureAwait(false);
            GapFillResult? filled = null;
            if (gapFill is not null)
            {
                // Before the check, so that what the outage missed is already on its way (or, in-process, written).
                filled = await gapFiller.RunAsync(await gapFiller.DefaultWindowAsync(cancellationToken).ConfigureAwait(false), gapFill, cancellationToken).ConfigureAwait(false);
                warnings.AddRange(filled.Failures.Select(f => $"Gap-fill: Stripe event {f.EventId} ({f.Type}) {f.State}: {f.Detail}"));
            }

            var report = (await CheckAsync(window, cancellationToken).ConfigureAwait(false)) with { Warnings = warnings, GapFill = filled };
            if (repairer is not null && report.Count(DiscrepancyKind.Missing) > 0)
            {
                report = await RepairAsync(report, repairer, cancellationToken).ConfigureAwait(false);
            }

            await writer.WriteAsync(report, cancellationToken).ConfigureAwait(false);
            LogResult(report);
            await notifier.AfterReconciliationAsync(report, cancellationToken).ConfigureAwait(false);
            return report;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReconciliationFailed(logger, ex, window.RunKey, ex.Message);
            try
            {
                await writer.WriteFailedAsync(window, ex.Message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception writeError) when (!cancellationToken.IsCancellationRequested)
            {
                // Salesforce itself may be why the run failed; the original error is the one to surface.
                Log.ReconciliationFailureNotWritten(logger, writeError, window.RunKey);
            }

            throw;
        }
    }

    /// <summary>Compares the window without writing or repairing anything.</summary>
    public async Task<ReconciliationReport> CheckAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var stripeObjects = new List<ReconciledObject>();
        stripeObjects.AddRange(await stripe.ChargesAsync(window, cancellationToken).ConfigureAwait(false));
        stripeObjects.AddRange(await stripe.PaidInvoicesAsync(window, options.Value.InvoiceLookbackDays, cancellationToken).ConfigureAwait(false));

        var inWindow = new List<ReconciledObject>();
        inWindow.AddRange(await salesforce.ChargesPaidInAsync(window, cancellationToken).ConfigureAwait(false));
        inWindow.AddRange(await salesforce.InvoicesPaidInAsync(window, cancellationToken).ConfigureAwait(false));

        var records = new Dictionary<(ReconciledObjectType, string), ReconciledObject>();
        foreach (var record in inWindow)
        {
            records.TryAdd((record.Type, record.Id), record);
        }

        foreach (var type in Enum.GetValues<ReconciledObjectType>())
        {
            // Only ids the date range did not return: zero queries on a clean night.
            var unseen = stripeObjects.Where(o => o.Type == type && !records.ContainsKey((type, o.Id))).Select(o => o.Id).ToList();
            foreach (var record in await salesforce.ByIdsAsync(type, unseen, cancellationToken).ConfigureAwait(false))
            {
                records.TryAdd((record.Type, record.Id), record);
            }
        }

        var discrepancies = new List<Discrepancy>();
        foreach (var o in stripeObjects)
        {
            if (ReconciliationClassifier.Compare(o, records.GetValueOrDefault((o.Type, o.Id))) is { } discrepancy)
            {
                discrepancies.Add(discrepancy);
            }
        }

        var stripeIds = stripeObjects.Select(o => (o.Type, o.Id)).ToHashSet();
        foreach (var candidate in ReconciliationClassifier.OrphanCandidates(inWindow, stripeIds))
        {
            // One GET per candidate: a record is only an orphan when Stripe does not know the object at all.
            var known = await stripe.RetrieveAsync(candidate.Type, candidate.Id, cancellationToken).ConfigureAwait(false);
            if (ReconciliationClassifier.ClassifyCandidate(candidate, known, window) is { } discrepancy)
            {
                discrepancies.Add(discrepancy);
            }
        }

        var checkedIds = stripeIds.Union(inWindow.Select(r => (r.Type, r.Id))).Count();
        var salesforcePaid = inWindow.Where(r => string.Equals(r.Status, ReconciliationClassifier.ExpectedStatus(r.Type), StringComparison.OrdinalIgnoreCase));
        return new ReconciliationReport(window, checkedIds, discrepancies, ReconciliationClassifier.Totals(stripeObjects), ReconciliationClassifier.Totals(salesforcePaid));
    }

    private async Task<List<string>> WatchEndpointsAsync(CancellationToken cancellationToken)
    {
        EndpointHealth health;
        try
        {
            health = await endpoints.CheckAsync(stripeClient.Client, cancellationToken).ConfigureAwait(false);
        }
        catch (StripeException ex)
        {
            // A key without read access to webhook endpoints must not stop the reconciliation itself.
            Log.StripeEndpointUnreadable(logger, ex.Message);
            return [$"Stripe webhook endpoint: the endpoints could not be read ({ex.Message}) (fix: give Stripe__ApiKey read access to webhook endpoints)"];
        }

        foreach (var finding in health.Findings)
        {
            Log.StripeEndpointUnhealthy(logger, finding.EndpointId ?? "(none)", finding.Problem, finding.Fix);
        }

        return [.. health.Lines()];
    }

    private async Task<ReconciliationReport> RepairAsync(ReconciliationReport report, IMissingEventRepairer repairer, CancellationToken cancellationToken)
    {
        var events = await stripe.RepairEventsAsync(report.Window.Start, cancellationToken).ConfigureAwait(false);
        var missing = report.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Missing).ToList();
        var found = missing.Where(d => events.ContainsKey(d.Id)).Select(d => events[d.Id]).ToList();
        var outcomes = found.Count == 0
            ? new Dictionary<string, RepairOutcome>(StringComparer.Ordinal)
            : (await repairer.RepairAsync(found, report.Window.RunKey, cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.EventId, StringComparer.Ordinal);

        var repaired = report.Discrepancies.Select(d =>
        {
            if (d.Kind != DiscrepancyKind.Missing)
            {
                return d;
            }

            if (!events.TryGetValue(d.Id, out var e) || !outcomes.TryGetValue(e.Id, out var outcome))
            {
                var type = d.Type == ReconciledObjectType.Charge ? "charge.succeeded" : "invoice.paid";
                return d with { Repair = $"not repairable: no {type} event in Stripe since the window start (Stripe keeps events 30 days)" };
            }

            return d with { Repaired = outcome.Repaired, Repair = outcome.Repaired ? outcome.Note : $"not repaired: {outcome.Note}" };
        });
        return report with { Discrepancies = [.. repaired] };
    }

    private void LogResult(ReconciliationReport report)
    {
        if (report.Discrepancies.Count == 0)
        {
            Log.ReconciliationClean(logger, report.Window.RunKey, report.RecordsChecked);
            return;
        }

        Log.ReconciliationDiscrepancy(logger, report.Window.RunKey, report.Discrepancies.Count, report.RecordsChecked,
            report.Count(DiscrepancyKind.Missing), report.Amount(DiscrepancyKind.Missing),
            report.Count(DiscrepancyKind.AmountMismatch), report.Amount(DiscrepancyKind.AmountMismatch),
            report.Count(DiscrepancyKind.StatusMismatch), report.Amount(DiscrepancyKind.StatusMismatch),
            report.Count(DiscrepancyKind.Orphan), report.Amount(DiscrepancyKind.Orphan), report.Reenqueued);
    }
}
