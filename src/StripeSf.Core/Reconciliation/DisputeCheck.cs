namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Disputes closed in the window against their entries: a lost dispute must have its negative entry
/// (du_ id, amount, status lost); a dispute closed otherwise (won, warning_closed) must not have
/// one saying something else. Looked up 200 at a time, streamed.
/// </summary>
internal sealed class DisputeCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce)
{
    /// <summary>Compares the window's closed disputes; returns how many were checked.</summary>
    public async Task<int> RunAsync(ReconciliationWindow window, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        var seen = 0;
        var batch = new List<ReconciledObject>(SalesforceReconciliationReader.IdBatchSize);
        await foreach (var dispute in stripe.ClosedDisputesAsync(window, cancellationToken).ConfigureAwait(false))
        {
            seen++;
            batch.Add(dispute);
            if (batch.Count == SalesforceReconciliationReader.IdBatchSize)
            {
                await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
            }
        }

        await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
        return seen;
    }

    private async Task CompareAsync(List<ReconciledObject> batch, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var entries = new Dictionary<string, ReconciledObject>(StringComparer.Ordinal);
        foreach (var entry in await salesforce.ByIdsAsync(ReconciledObjectType.Dispute, [.. batch.Select(d => d.Id).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false))
        {
            entries.TryAdd(entry.Id, entry);
        }

        foreach (var dispute in batch.DistinctBy(d => d.Id))
        {
            var entry = entries.GetValueOrDefault(dispute.Id);
            var lost = dispute.Status == "lost";
            if (entry is null && lost)
            {
                log.Add(new Discrepancy(DiscrepancyKind.Missing, dispute, null));
            }
            else if (entry is not null && ReconciliationClassifier.Compare(dispute, entry) is { } discrepancy)
            {
                log.Add(discrepancy);
            }
        }

        batch.Clear();
    }
}
