using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.Healing;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The nightly Stripe-vs-Salesforce check of one window: what Stripe collected (succeeded charges
/// with a customer, invoices paid), refunded and lost to disputes against what Salesforce recorded;
/// Closed Won deals without a payment; paying subscriptions without an Opportunity or with another
/// ACV. It classifies the differences with memory bounded whatever the volume (sorted spills,
/// lookups in batches, discrepancies spooled to disk), optionally repairs what is missing by sending
/// its Stripe event through processing again, and writes the run record (and a Case with the report
/// attached when anything disagrees) in one composite call. Plain C#: the timer function and
/// <c>stripesf reconcile</c> both call it.
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
    IOptions<Mapping.SalesforceMappingOptions> mapping,
    TimeProvider time,
    ILogger<ReconciliationRunner> logger)
{
    /// <summary>The configured window: the <c>Reconciliation__WindowDays</c> days that ended at the last UTC midnight.</summary>
    public ReconciliationWindow DefaultWindow() => ReconciliationWindow.EndingBefore(time.GetUtcNow(), options.Value.WindowDays);

    /// <summary>
    /// The scheduled run: the default window, gap-filled through <paramref name="gapFill"/> when
    /// <c>Reconciliation__GapFill</c> is on, repaired through <paramref name="repairer"/> when
    /// <c>Reconciliation__Repair</c> is on. The report's spool is deleted once the Case has its file
    /// (counts and listed discrepancies stay readable).
    /// </summary>
    public async Task<ReconciliationReport> RunScheduledAsync(IMissingEventRepairer repairer, IGapFillTarget gapFill, CancellationToken cancellationToken)
    {
        var report = await RunAsync(DefaultWindow(), options.Value.Repair ? repairer : null, options.Value.GapFill ? gapFill : null, cancellationToken).ConfigureAwait(false);
        report.Dispose();
        return report;
    }

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
    public Task<ReconciliationReport> RunAsync(ReconciliationWindow window, IMissingEventRepairer? repairer, IGapFillTarget? gapFill, CancellationToken cancellationToken) =>
        RunAsync(window, repairer, gapFill, null, cancellationToken);

    /// <inheritdoc cref="RunAsync(ReconciliationWindow, IMissingEventRepairer?, IGapFillTarget?, CancellationToken)"/>
    /// <param name="progress">Told when each check is done (the CLI prints it).</param>
    public async Task<ReconciliationReport> RunAsync(ReconciliationWindow window, IMissingEventRepairer? repairer, IGapFillTarget? gapFill, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ReconciliationReport? report = null;
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

            report = (await CheckAsync(window, progress, cancellationToken).ConfigureAwait(false)) with { Warnings = warnings, GapFill = filled };
            if (repairer is not null && report.Entries?.MissingPayments > 0)
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
            report?.Dispose();
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

    /// <summary>
    /// Compares the window without writing or repairing anything (<c>stripesf reconcile --dry-run</c>
    /// is this): reads only. Dispose the report to delete its spool.
    /// </summary>
    public Task<ReconciliationReport> CheckAsync(ReconciliationWindow window, CancellationToken cancellationToken) => CheckAsync(window, null, cancellationToken);

    /// <inheritdoc cref="CheckAsync(ReconciliationWindow, CancellationToken)"/>
    /// <param name="progress">Told when each check is done (the CLI prints it).</param>
    public async Task<ReconciliationReport> CheckAsync(ReconciliationWindow window, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var flows = mapping.Value.Flows;
        var log = new DiscrepancyLog(settings.MaxListedDiscrepancies);
        try
        {
            using var paying = new SortedSpill(settings.SpillRunSize);
            var (checkedPayments, stripeTotals, salesforceTotals) = await new PaymentCheck(stripe, salesforce, settings, time).RunAsync(window, log, paying, cancellationToken).ConfigureAwait(false);
            var checkedCount = checkedPayments;
            Done("charges and invoices", checkedPayments);
            if (flows.Payments)
            {
                checkedCount += Done("refunds", await new RefundCheck(stripe, salesforce, settings).RunAsync(window, log, cancellationToken).ConfigureAwait(false));
            }

            if (flows.Disputes)
            {
                checkedCount += Done("closed disputes", await new DisputeCheck(stripe, salesforce).RunAsync(window, log, cancellationToken).ConfigureAwait(false));
            }

            if (flows.Subscriptions)
            {
                // Without the subscription flow the product writes no Opportunities, so none is expected.
                checkedCount += Done("Closed Won deals whose grace ends", await new ClosedWonCheck(stripe, salesforce, settings).RunAsync(window, log, cancellationToken).ConfigureAwait(false));
                checkedCount += Done("paying subscriptions", await new SubscriptionCheck(stripe, salesforce, time).RunAsync(paying, log, cancellationToken).ConfigureAwait(false));
            }

            return new ReconciliationReport(window, checkedCount, log.Listed, stripeTotals, salesforceTotals) { Tally = log.Tally, Entries = log };
        }
        catch
        {
            log.Dispose();
            throw;
        }

        int Done(string what, int count)
        {
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{what}: {count:N0} checked, {log.Total:N0} discrepancies so far"));
            return count;
        }
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

    /// <summary>
    /// Repairs the missing charges and invoices in chunks (<see cref="RepairChunk"/> ids, one pass over
    /// the Stripe event list each), so memory stays bounded however many are missing. Listed
    /// discrepancies get a note; the report counts every repaired one.
    /// </summary>
    private async Task<ReconciliationReport> RepairAsync(ReconciliationReport report, IMissingEventRepairer repairer, CancellationToken cancellationToken)
    {
        var log = report.Entries!;
        var listed = report.Discrepancies.Where(d => d.Kind == DiscrepancyKind.Missing).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var notes = new Dictionary<string, (bool Repaired, string Note)>(StringComparer.Ordinal);
        var repaired = 0;
        foreach (var chunk in log.MissingPaymentsSorted().Chunk(RepairChunk))
        {
            var ids = chunk.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var events = await stripe.RepairEventsAsync(report.Window.Start, ids, cancellationToken).ConfigureAwait(false);
            var found = chunk.Where(o => events.ContainsKey(o.Id)).Select(o => events[o.Id]).ToList();
            var outcomes = found.Count == 0
                ? new Dictionary<string, RepairOutcome>(StringComparer.Ordinal)
                : (await repairer.RepairAsync(found, report.Window.RunKey, cancellationToken).ConfigureAwait(false)).ToDictionary(o => o.EventId, StringComparer.Ordinal);
            foreach (var o in chunk)
            {
                if (!events.TryGetValue(o.Id, out var e) || !outcomes.TryGetValue(e.Id, out var outcome))
                {
                    var type = o.Type == ReconciledObjectType.Charge ? "charge.succeeded" : "invoice.paid";
                    Note(o.Id, false, $"not repairable: no {type} event in Stripe since the window start (Stripe keeps events 30 days)");
                    continue;
                }

                repaired += outcome.Repaired ? 1 : 0;
                Note(o.Id, outcome.Repaired, outcome.Repaired ? outcome.Note : $"not repaired: {outcome.Note}");
            }
        }

        log.ReplaceListed(d => d.Kind == DiscrepancyKind.Missing && notes.TryGetValue(d.Id, out var n) ? d with { Repaired = n.Repaired, Repair = n.Note } : d);
        return report with { Discrepancies = log.Listed, Reenqueued = repaired };

        void Note(string id, bool ok, string note)
        {
            if (listed.Contains(id))
            {
                notes[id] = (ok, note);
            }
        }
    }

    /// <summary>Missing objects repaired per pass over the Stripe event list.</summary>
    private const int RepairChunk = 10_000;

    private void LogResult(ReconciliationReport report)
    {
        if (report.DiscrepancyCount == 0)
        {
            Log.ReconciliationClean(logger, report.Window.RunKey, report.RecordsChecked);
            return;
        }

        Log.ReconciliationDiscrepancy(logger, report.Window.RunKey, report.DiscrepancyCount, report.RecordsChecked,
            report.Count(DiscrepancyKind.Missing), report.Amount(DiscrepancyKind.Missing),
            report.Count(DiscrepancyKind.AmountMismatch), report.Amount(DiscrepancyKind.AmountMismatch),
            report.Count(DiscrepancyKind.StatusMismatch), report.Amount(DiscrepancyKind.StatusMismatch),
            report.Count(DiscrepancyKind.Orphan), report.Amount(DiscrepancyKind.Orphan), report.Count(DiscrepancyKind.ClosedWonWithoutPayment),
            report.Count(DiscrepancyKind.RevenueWithoutOpportunity), report.Count(DiscrepancyKind.OpportunityAmountMismatch), report.Reenqueued);
    }
}
