using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;

namespace StripeSf.Core.Leads;

/// <summary>
/// Salesforce Leads → Stripe customers, the same for the timer and <c>stripesf sync-leads</c>: read
/// the Leads changed since the watermark (in change-time order), make or update each one's customer,
/// write the results back per page of ≤ 200 with one sObject Collections call, then move the
/// watermark past the Leads that are safely in Stripe and linked back — never past one that is not.
/// </summary>
public sealed class LeadSyncRunner(
    ISalesforceClient salesforce,
    ILeadWatermarkStore watermarks,
    StripeCustomerFinder finder,
    StripeCustomerWriter writer,
    StripeCalls calls,
    LeadWriteBack writeBack,
    IOptions<SalesforceMappingOptions> mapping,
    IOptions<LeadSyncOptions> options,
    ILogger<LeadSyncRunner> logger)
{
    /// <summary>Leads per page: one write-back call each (the sObject Collections limit).</summary>
    public const int PageSize = SalesforceClient.MaxCollectionRecords;

    /// <summary>
    /// How far before the watermark a run reads again: a Lead saved in a transaction that began before
    /// the last run read, but committed after, carries an earlier change time. Re-reading an unchanged
    /// Lead costs no Stripe call and no write.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>The timer's run: from the stored watermark, writing.</summary>
    public Task RunScheduledAsync(CancellationToken cancellationToken) => RunAsync(new LeadSyncRequest(), null, cancellationToken);

    /// <summary>
    /// One run. Bad data and Stripe refusals are that Lead's problem (on the Lead and in the result);
    /// a Stripe key without the permission, or Salesforce failing the whole write-back, fails the run
    /// after saving the watermark of the pages already done.
    /// </summary>
    public async Task<LeadSyncResult> RunAsync(LeadSyncRequest request, ILeadSyncProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var map = mapping.Value.LeadSync;
        if (CustomerDraftBuilder.Problem(map) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var stored = request.Since is null ? await watermarks.ReadAsync(cancellationToken).ConfigureAwait(false) : null;
        var from = request.Since ?? (stored is null ? DateTimeOffset.UnixEpoch : stored.Modstamp - Overlap);
        var run = new Run(stored, request.DryRun);
        var retriesBefore = calls.Retries;
        var page = new List<LeadRecord>(PageSize);
        var limit = Math.Max(1, options.Value.MaxLeadsPerRun);
        var more = false;
        await foreach (var row in salesforce.QueryAsync(LeadQueryBuilder.Build(map, from), cancellationToken).ConfigureAwait(false))
        {
            if (LeadRecord.From(row, map.Modstamp) is not { } lead)
            {
                continue;
            }

            page.Add(lead);
            if (page.Count == PageSize)
            {
                await PageAsync(page, map, run, progress, cancellationToken).ConfigureAwait(false);
                page.Clear();
                if (run.StoppedBecause is not null)
                {
                    break;
                }

                // Only Leads that needed work count: unchanged ones cost no call, and a bulk edit can put
                // more of them than the limit inside the minute the run reads again.
                if (run.Counts.Read - run.Counts.Unchanged >= limit)
                {
                    more = true;
                    break;
                }
            }
        }

        if (page.Count > 0 && run.StoppedBecause is null)
        {
            await PageAsync(page, map, run, progress, cancellationToken).ConfigureAwait(false);
        }

        var c = run.Counts;
        Log.LeadSyncCompleted(logger, from.ToString("O"), c.Read, c.Created, c.Updated, c.Unchanged, c.Skipped, c.Refused, c.Deferred,
            run.Watermark?.Modstamp.ToString("O") ?? "none", request.DryRun);
        return new LeadSyncResult(c, run.Problems, from, run.Watermark, run.Saved, run.StoppedBecause, request.DryRun, calls.Retries - retriesBefore, more && run.StoppedBecause is null);
    }

    private async Task PageAsync(List<LeadRecord> page, LeadSyncMap map, Run run, ILeadSyncProgress? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<LeadOutcome>(page.Count);
        foreach (var lead in page)
        {
            if (run.StoppedBecause is not null)
            {
                break;
            }

            var outcome = await SyncAsync(lead, map, run, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            run.Record(outcome);
            LogOutcome(outcome);
        }

        IReadOnlySet<string> written = run.DryRun
            ? outcomes.Where(o => o.NeedsWriteBack).Select(o => o.Lead.Id).ToHashSet(StringComparer.Ordinal)
            : await writeBack.WriteAsync(outcomes, map, cancellationToken).ConfigureAwait(false);

        foreach (var outcome in outcomes)
        {
            var settled = outcome.Kind == LeadOutcomeKind.Unchanged || (outcome.NeedsWriteBack && written.Contains(outcome.Lead.Id));
            if (!settled && outcome.Kind != LeadOutcomeKind.Deferred)
            {
                run.Problems.Add(new LeadProblem(outcome.Lead.Id, LeadOutcomeKind.Deferred, "Salesforce did not take the write-back; tried again next run"));
            }

            run.Settle(outcome.Lead, settled);
        }

        // Leads of the page left undone (the run stopped) hold the watermark too.
        if (outcomes.Count < page.Count)
        {
            run.Settle(page[outcomes.Count], settled: false);
        }

        if (!run.DryRun && run.Moved)
        {
            await watermarks.SaveAsync(run.Watermark!, cancellationToken).ConfigureAwait(false);
            run.MarkSaved();
        }

        progress?.Report(run.Counts, run.Watermark);
    }

    private async Task<LeadOutcome> SyncAsync(LeadRecord lead, LeadSyncMap map, Run run, CancellationToken cancellationToken)
    {
        var draft = CustomerDraftBuilder.Build(lead, map);
        var storedId = lead.Text(map.CustomerId);
        var status = lead.Text(map.Status);
        if (lead.Text(map.Fingerprint) == draft.Fingerprint
            && (status is LeadSyncStatus.Skipped or LeadSyncStatus.Error || (status == LeadSyncStatus.Synced && storedId is not null)))
        {
            return new LeadOutcome(lead, LeadOutcomeKind.Unchanged, draft, storedId);
        }

        if (LeadDataCheck.Problem(lead, map) is { } reason)
        {
            return new LeadOutcome(lead, LeadOutcomeKind.Skipped, draft, Reason: reason);
        }

        try
        {
            if (storedId is not null && (run.DryRun || await writer.UpdateAsync(storedId, draft, cancellationToken).ConfigureAwait(false)))
            {
                return new LeadOutcome(lead, LeadOutcomeKind.Updated, draft, storedId, MatchedBy: "stored id");
            }

            // No id on the Lead, or its customer was deleted in Stripe: the rest of the identity ladder.
            var match = await finder.FindAsync(draft, map, cancellationToken).ConfigureAwait(false);
            if (match.Ambiguity is not null)
            {
                return new LeadOutcome(lead, LeadOutcomeKind.Refused, draft, Reason: match.Ambiguity);
            }

            if (match.CustomerId is { } found && (run.DryRun || await writer.UpdateAsync(found, draft, cancellationToken).ConfigureAwait(false)))
            {
                return new LeadOutcome(lead, LeadOutcomeKind.Updated, draft, found, MatchedBy: match.How);
            }

            var created = run.DryRun ? null : await writer.CreateAsync(draft, cancellationToken).ConfigureAwait(false);
            return new LeadOutcome(lead, LeadOutcomeKind.Created, draft, created, MatchedBy: "created");
        }
        catch (StripeCallException ex)
        {
            switch (ex.Decision.Verdict)
            {
                case StripeCallVerdict.Refuse:
                    return new LeadOutcome(lead, LeadOutcomeKind.Refused, draft, Reason: ex.Decision.Reason);
                case StripeCallVerdict.Fail:
                    throw new InvalidOperationException(ex.Decision.Reason, ex);
                default:
                    if (ex.Decision.StopsRun)
                    {
                        run.StoppedBecause = $"Stripe rate limit: {ex.Decision.Reason}; the next run resumes from Lead {lead.Id}";
                    }

                    return new LeadOutcome(lead, LeadOutcomeKind.Deferred, draft, Reason: ex.Decision.Reason);
            }
        }
    }

    private void LogOutcome(LeadOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case LeadOutcomeKind.Created or LeadOutcomeKind.Updated:
                Log.LeadSynced(logger, outcome.Lead.Id, outcome.Kind.ToString(), outcome.CustomerId ?? "(dry run)", outcome.MatchedBy ?? "");
                break;
            case LeadOutcomeKind.Skipped or LeadOutcomeKind.Refused or LeadOutcomeKind.Deferred:
                Log.LeadNotSynced(logger, outcome.Lead.Id, outcome.Kind.ToString(), outcome.Reason ?? "");
                break;
        }
    }

    /// <summary>The state of one run: counts, problems, and the watermark over the settled prefix.</summary>
    private sealed class Run(LeadWatermark? stored, bool dryRun)
    {
        private bool _blocked;

        public bool DryRun { get; } = dryRun;

        public LeadSyncCounts Counts { get; private set; } = LeadSyncCounts.Zero;

        public List<LeadProblem> Problems { get; } = [];

        public LeadWatermark? Watermark { get; private set; } = stored;

        public bool Moved { get; private set; }

        public bool Saved { get; private set; }

        public string? StoppedBecause { get; set; }

        public void Record(LeadOutcome outcome)
        {
            Counts = Counts.Add(outcome.Kind);
            if (outcome.Kind is LeadOutcomeKind.Skipped or LeadOutcomeKind.Refused or LeadOutcomeKind.Deferred)
            {
                Problems.Add(new LeadProblem(outcome.Lead.Id, outcome.Kind, outcome.Reason ?? ""));
            }
        }

        // Leads come in change-time order; the watermark follows them until the first one not yet safe,
        // and never moves back over the Leads the overlap reads again.
        public void Settle(LeadRecord lead, bool settled)
        {
            _blocked |= !settled;
            if (_blocked || (Watermark is not null && (lead.Modstamp < Watermark.Modstamp || (lead.Modstamp == Watermark.Modstamp && lead.Id == Watermark.LeadId))))
            {
                return;
            }

            Watermark = new LeadWatermark(lead.Modstamp, lead.Id);
            Moved = true;
        }

        public void MarkSaved()
        {
            Moved = false;
            Saved = true;
        }
    }
}
