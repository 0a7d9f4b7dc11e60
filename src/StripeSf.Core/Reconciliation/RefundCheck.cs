namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Refunds created in the window against their payment entries. An entry is keyed by the refund's
/// re_ id (API versions that embed refunds in the charge) or, at later versions, the charge's
/// cumulative <c>{charge}-refunds</c> entry carries amount_refunded; that one is compared with the
/// charge (one GET per charge refunded in the window). Refunds are grouped by charge through a
/// <see cref="SortedSpill"/>, so memory is bounded and each cumulative entry is compared once.
/// </summary>
internal sealed class RefundCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce, ReconciliationOptions options)
{
    /// <summary>A charge's cumulative refund entry key (as <c>RefundEntries</c> writes it).</summary>
    public static string CumulativeKey(string chargeId) => chargeId + "-refunds";

    private const int ChargesPerLookup = SalesforceReconciliationReader.IdBatchSize / 4;

    /// <summary>Compares the window's refunds; returns how many were checked.</summary>
    public async Task<int> RunAsync(ReconciliationWindow window, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        using var byCharge = new SortedSpill(options.SpillRunSize);
        await foreach (var (refund, chargeId) in stripe.RefundsAsync(window, cancellationToken).ConfigureAwait(false))
        {
            byCharge.Add(chargeId, refund);
        }

        var batch = new List<(string ChargeId, List<ReconciledObject> Refunds)>();
        foreach (var (chargeId, refund) in byCharge.Sorted())
        {
            if (batch.Count > 0 && batch[^1].ChargeId == chargeId)
            {
                batch[^1].Refunds.Add(refund);
                continue;
            }

            if (batch.Count == ChargesPerLookup)
            {
                await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
            }

            batch.Add((chargeId, [refund]));
        }

        await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
        return (int)byCharge.Count;
    }

    private async Task CompareAsync(List<(string ChargeId, List<ReconciledObject> Refunds)> batch, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.SelectMany(g => g.Refunds.Select(r => r.Id).Append(CumulativeKey(g.ChargeId))).Distinct(StringComparer.Ordinal).ToList();
        var entries = new Dictionary<string, ReconciledObject>(StringComparer.Ordinal);
        foreach (var entry in await salesforce.ByIdsAsync(ReconciledObjectType.Refund, ids, cancellationToken).ConfigureAwait(false))
        {
            entries.TryAdd(entry.Id, entry);
        }

        foreach (var (chargeId, refunds) in batch)
        {
            var cumulative = entries.GetValueOrDefault(CumulativeKey(chargeId));
            if (cumulative is not null && await stripe.CumulativeRefundAsync(chargeId, cancellationToken).ConfigureAwait(false) is { } expected
                && ReconciliationClassifier.Compare(expected, cumulative) is { } off)
            {
                log.Add(off with { Note = $"(cumulative entry {CumulativeKey(chargeId)})" });
            }

            foreach (var refund in refunds)
            {
                if (entries.GetValueOrDefault(refund.Id) is { } own)
                {
                    if (ReconciliationClassifier.Compare(refund, own) is { } discrepancy)
                    {
                        log.Add(discrepancy);
                    }
                }
                else if (cumulative is null && refund.Status is "succeeded" or "pending")
                {
                    // Failed and canceled refunds moved no money: nothing is owed to Salesforce.
                    log.Add(new Discrepancy(DiscrepancyKind.Missing, refund, null) { Note = $"(charge {chargeId})" });
                }
            }
        }

        batch.Clear();
    }
}
