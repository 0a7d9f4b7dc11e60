namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Closed Won Opportunities whose grace period (<c>Reconciliation__ClosedWonGraceDays</c>) ends in
/// the window — close date in [window start − grace, window end − grace) — so each deal is judged
/// on exactly one night: Stripe must show a payment of its subscription (or, with no subscription id,
/// its Account's customer) between the close date and the end of the grace period. One Stripe list
/// call per such deal, streamed.
/// </summary>
internal sealed class ClosedWonCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce, ReconciliationOptions options)
{
    /// <summary>Checks the deals whose grace period ends in <paramref name="window"/>; returns how many.</summary>
    public async Task<int> RunAsync(ReconciliationWindow window, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        var grace = options.ClosedWonGraceDays;
        var from = DateOnly.FromDateTime(window.Start.UtcDateTime).AddDays(-grace);
        var until = DateOnly.FromDateTime(window.End.UtcDateTime).AddDays(-grace);
        var seen = 0;
        await foreach (var deal in salesforce.ClosedWonAsync(from, until, cancellationToken).ConfigureAwait(false))
        {
            seen++;
            var closed = deal.PaidAt ?? window.Start.AddDays(-grace);
            var deadline = closed.AddDays(grace + 1);
            if (!await stripe.HasPaymentAsync(deal.Type, deal.Id, closed, deadline, options.InvoiceLookbackDays, cancellationToken).ConfigureAwait(false))
            {
                log.Add(new Discrepancy(DiscrepancyKind.ClosedWonWithoutPayment, null, deal)
                {
                    Note = $"between the close date and the end of the {grace}-day grace period ({deadline.UtcDateTime:yyyy-MM-dd})",
                });
            }
        }

        return seen;
    }
}
