namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Charges and paid invoices: both sides are streamed into <see cref="SortedSpill"/>s and compared
/// as a merge by (type, id), so memory stays bounded whatever the window holds. Stripe objects the
/// date range did not return are looked up by id 200 at a time (zero queries on a clean night);
/// Salesforce records Stripe did not list are confirmed with one GET each (orphans). Paying
/// subscriptions (paid invoices with an amount) go to <c>paying</c> for the Opportunity checks.
/// </summary>
internal sealed class PaymentCheck(StripeReconciliationReader stripe, SalesforceReconciliationReader salesforce, ReconciliationOptions options, TimeProvider time)
{
    /// <summary>Compares the window; returns the distinct objects seen and the totals of both sides.</summary>
    public async Task<(int Checked, Dictionary<string, decimal> Stripe, Dictionary<string, decimal> Salesforce)> RunAsync(
        ReconciliationWindow window, DiscrepancyLog log, SortedSpill paying, CancellationToken cancellationToken)
    {
        using var stripeSide = new SortedSpill(options.SpillRunSize);
        using var salesforceSide = new SortedSpill(options.SpillRunSize);
        var stripeTotals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var salesforceTotals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

        await foreach (var charge in stripe.ChargesAsync(window, cancellationToken).ConfigureAwait(false))
        {
            stripeSide.Add(Key(charge), charge);
            Add(stripeTotals, charge);
        }

        await foreach (var (invoice, subscription, acv) in stripe.PaidInvoicesAsync(window, options.InvoiceLookbackDays, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            stripeSide.Add(Key(invoice), invoice);
            Add(stripeTotals, invoice);
            if (subscription is not null && invoice.Amount > 0)
            {
                // What it collected (type Invoice) and, when the list expanded it, its ACV (type Subscription).
                paying.Add(subscription, invoice with { Id = subscription });
                if (acv is not null)
                {
                    paying.Add(subscription, acv);
                }
            }
        }

        await foreach (var record in salesforce.ChargesPaidInAsync(window, cancellationToken).ConfigureAwait(false))
        {
            salesforceSide.Add(Key(record), record);
        }

        await foreach (var record in salesforce.InvoicesPaidInAsync(window, cancellationToken).ConfigureAwait(false))
        {
            salesforceSide.Add(Key(record), record);
        }

        var seen = 0;
        var unseen = new List<ReconciledObject>(SalesforceReconciliationReader.IdBatchSize);
        foreach (var (s, r) in Merge(stripeSide.Sorted(), salesforceSide.Sorted()))
        {
            seen++;
            if (r is not null && IsPaid(r))
            {
                Add(salesforceTotals, r);
            }

            if (s is not null && r is not null)
            {
                Log(log, ReconciliationClassifier.Compare(s, r));
            }
            else if (s is not null)
            {
                unseen.Add(s);
                if (unseen.Count == SalesforceReconciliationReader.IdBatchSize)
                {
                    await LookUpAsync(unseen, log, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (IsPaid(r!))
            {
                // One GET per candidate: a record is only an orphan when Stripe does not know the object at all.
                var known = await stripe.RetrieveAsync(r!.Type, r.Id, cancellationToken).ConfigureAwait(false);
                Log(log, ReconciliationClassifier.ClassifyCandidate(r, known, window));
            }
        }

        await LookUpAsync(unseen, log, cancellationToken).ConfigureAwait(false);
        return (seen, stripeTotals, salesforceTotals);
    }

    /// <summary>The two sorted sides paired by key; the first of duplicate keys on a side wins.</summary>
    internal static IEnumerable<(ReconciledObject? Stripe, ReconciledObject? Salesforce)> Merge(
        IEnumerable<(string Key, ReconciledObject Value)> stripeSide, IEnumerable<(string Key, ReconciledObject Value)> salesforceSide)
    {
        using var s = Distinct(stripeSide).GetEnumerator();
        using var r = Distinct(salesforceSide).GetEnumerator();
        var hasS = s.MoveNext();
        var hasR = r.MoveNext();
        while (hasS || hasR)
        {
            var order = !hasS ? 1 : !hasR ? -1 : string.CompareOrdinal(s.Current.Key, r.Current.Key);
            if (order == 0)
            {
                yield return (s.Current.Value, r.Current.Value);
                hasS = s.MoveNext();
                hasR = r.MoveNext();
            }
            else if (order < 0)
            {
                yield return (s.Current.Value, null);
                hasS = s.MoveNext();
            }
            else
            {
                yield return (null, r.Current.Value);
                hasR = r.MoveNext();
            }
        }
    }

    private static IEnumerable<(string Key, ReconciledObject Value)> Distinct(IEnumerable<(string Key, ReconciledObject Value)> sorted)
    {
        string? last = null;
        foreach (var item in sorted)
        {
            if (item.Key != last)
            {
                last = item.Key;
                yield return item;
            }
        }
    }

    private async Task LookUpAsync(List<ReconciledObject> unseen, DiscrepancyLog log, CancellationToken cancellationToken)
    {
        foreach (var group in unseen.GroupBy(o => o.Type))
        {
            var found = new Dictionary<string, ReconciledObject>(StringComparer.Ordinal);
            foreach (var record in await salesforce.ByIdsAsync(group.Key, [.. group.Select(o => o.Id)], cancellationToken).ConfigureAwait(false))
            {
                found.TryAdd(record.Id, record);
            }

            foreach (var o in group)
            {
                Log(log, ReconciliationClassifier.Compare(o, found.GetValueOrDefault(o.Id)));
            }
        }

        unseen.Clear();
    }

    private static void Log(DiscrepancyLog log, Discrepancy? discrepancy)
    {
        if (discrepancy is not null)
        {
            log.Add(discrepancy);
        }
    }

    private static bool IsPaid(ReconciledObject r) => string.Equals(r.Status, ReconciliationClassifier.ExpectedStatus(r.Type), StringComparison.OrdinalIgnoreCase);

    private static string Key(ReconciledObject o) => $"{(int)o.Type}:{o.Id}";

    private static void Add(Dictionary<string, decimal> totals, ReconciledObject o) => totals[o.Currency] = totals.GetValueOrDefault(o.Currency) + o.Amount;
}
