namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Subscriptions that collected money in the window (paid invoices with an amount, gathered by
/// <see cref="PaymentCheck"/> in a <see cref="SortedSpill"/> keyed by subscription: what each invoice
/// collected, and the subscription's ACV when the invoice list expanded it) against their
/// Opportunity, 200 subscriptions per query: none → revenue_without_opportunity (the amount
/// collected); one whose Amount differs from the ACV → opportunity_amount_mismatch. A subscription
/// the list did not expand is read with one GET.
/// </summary>
internal sealed class SubscriptionCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce, TimeProvider time)
{
    /// <summary>Checks every paying subscription once; returns how many.</summary>
    public async Task<int> RunAsync(SortedSpill paying, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        var seen = 0;
        var batch = new List<Paying>(SalesforceReconciliationReader.IdBatchSize);
        foreach (var (subscriptionId, entry) in paying.Sorted())
        {
            if (batch.Count == 0 || batch[^1].Id != subscriptionId)
            {
                if (batch.Count == SalesforceReconciliationReader.IdBatchSize)
                {
                    await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
                }

                seen++;
                batch.Add(new Paying(subscriptionId));
            }

            var current = batch[^1];
            if (entry.Type == ReconciledObjectType.Subscription)
            {
                current.Acv = entry;
            }
            else if (current.Collected is not { } collected)
            {
                current.Collected = entry with { Type = ReconciledObjectType.Subscription };
            }
            else if (collected.Currency == entry.Currency)
            {
                // Several invoices of one subscription in the window: the amounts collected add up.
                current.Collected = collected with { Amount = collected.Amount + entry.Amount };
            }
        }

        await CompareAsync(batch, log, cancellationToken).ConfigureAwait(false);
        return seen;
    }

    private async Task CompareAsync(List<Paying> batch, DiscrepancyLog log, CancellationToken cancellationToken)
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

        foreach (var subscription in batch)
        {
            if (opportunities.GetValueOrDefault(subscription.Id) is not { } opportunity)
            {
                log.Add(new Discrepancy(DiscrepancyKind.RevenueWithoutOpportunity, subscription.Collected!, null));
                continue;
            }

            var acv = subscription.Acv ?? await stripe.SubscriptionAcvAsync(subscription.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (acv is not null && ReconciliationClassifier.CompareAcv(acv, opportunity) is { } discrepancy)
            {
                log.Add(discrepancy);
            }
        }

        batch.Clear();
    }

    private sealed class Paying(string id)
    {
        public string Id { get; } = id;

        public ReconciledObject? Collected { get; set; }

        public ReconciledObject? Acv { get; set; }
    }
}
