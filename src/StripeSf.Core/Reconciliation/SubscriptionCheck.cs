namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Subscriptions that collected money in the window (paid invoices with an amount, gathered by
/// <see cref="PaymentCheck"/> in a <see cref="SortedSpill"/> keyed by subscription) against their
/// Opportunity, 200 subscriptions per query: none → revenue_without_opportunity (the amount
/// collected); one whose Amount differs from the subscription's ACV in Stripe (one GET per paying
/// subscription with an Opportunity) → opportunity_amount_mismatch.
/// </summary>
internal sealed class SubscriptionCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce, TimeProvider time)
{
    /// <summary>Checks every paying subscription once; returns how many.</summary>
    public async Task<int> RunAsync(SortedSpill paying, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        var seen = 0;
        var batch = new List<ReconciledObject>(SalesforceReconciliationReader.IdBatchSize);
        foreach (var (subscriptionId, invoice) in paying.Sorted())
        {
            if (batch.Count > 0 && batch[^1].Id == subscriptionId)
            {
                // Several invoices of one subscription in the window: the amounts collected add up.
                batch[^1] = batch[^1] with { Amount = batch[^1].Amount + (batch[^1].Currency == invoice.Currency ? invoice.Amount : 0) };
                continue;
            }

            if (batch.Count == SalesforceReconciliationReader.IdBatchSize)
            {
                await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
            }

            seen++;
            batch.Add(invoice);
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

        var opportunities = new Dictionary<string, ReconciledObject>(StringComparer.Ordinal);
        foreach (var opportunity in await salesforce.OpportunitiesAsync([.. batch.Select(s => s.Id)], cancellationToken).ConfigureAwait(false))
        {
            opportunities.TryAdd(opportunity.Id, opportunity);
        }

        foreach (var collected in batch)
        {
            if (opportunities.GetValueOrDefault(collected.Id) is not { } opportunity)
            {
                log.Add(new Discrepancy(DiscrepancyKind.RevenueWithoutOpportunity, collected, null));
                continue;
            }

            var acv = await stripe.SubscriptionAcvAsync(collected.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (acv is not null && ReconciliationClassifier.CompareAcv(acv, opportunity) is { } discrepancy)
            {
                log.Add(discrepancy);
            }
        }

        batch.Clear();
    }
}
