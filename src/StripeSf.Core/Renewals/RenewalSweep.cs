using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Renewals;

/// <summary>
/// Renewals ahead of term end: for each active subscription whose term (<see cref="RenewalTerm"/>) ends
/// within the configured days, one open renewal Opportunity keyed like the billing-period roll's
/// (<see cref="RenewalKey"/>), on the customer's Account, owned by its owner. Reads in bulk (one Stripe
/// list, one Contract query, one query per 200 due for owners and one for existing keys), writes with
/// sObject Collections (200 per call), and creates only: an existing renewal — open, won by the roll,
/// lost to a cancellation, renamed by sales — is never touched, and a write racing the roll or a
/// cancellation is refused by the stale-event rule (<see cref="RenewalOpportunity.SweepEventAt"/>).
/// </summary>
public sealed class RenewalSweep(
    StripeRenewalReader stripe,
    SalesforceRenewalReader salesforce,
    ISalesforceClient writer,
    IOptions<RenewalsOptions> options,
    IOptions<SalesforceMappingOptions> mapping,
    TimeProvider time,
    ILogger<RenewalSweep> logger)
{
    /// <summary>Records per sObject Collections call (Salesforce's maximum).</summary>
    public const int CollectionSize = 200;

    /// <summary>The scheduled sweep (<c>Renewals__Days</c> ahead, writing); its summary is logged.</summary>
    public async Task<RenewalSweepReport> RunScheduledAsync(CancellationToken cancellationToken)
    {
        var report = await RunAsync(options.Value.Days, dryRun: false, progress: null, cancellationToken).ConfigureAwait(false);
        foreach (var failed in report.Results.Where(r => r.Outcome == RenewalOutcome.Failed))
        {
            Log.RenewalRefused(logger, failed.Candidate.Key, failed.Candidate.Subscription.Id, failed.Error ?? "");
        }

        Log.RenewalsSwept(logger, report.Count(RenewalOutcome.Created), report.Count(RenewalOutcome.Exists), report.Count(RenewalOutcome.NoAccount), report.Count(RenewalOutcome.Failed), report.Listed, report.Summary);
        return report;
    }

    /// <summary>One sweep <paramref name="days"/> ahead; a dry run reads everything and writes nothing. <paramref name="progress"/> hears each step.</summary>
    public async Task<RenewalSweepReport> RunAsync(int days, bool dryRun, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var asOf = time.GetUtcNow();
        var until = asOf.AddDays(days);
        var settings = options.Value;
        var intervals = settings.IntervalSet;

        // Stripe first: a missing Stripe__ApiKey fails the sweep before any Salesforce call.
        var active = new List<Facts.SubscriptionFacts>();
        var pages = new PageProgress(progress);
        await foreach (var subscription in stripe.ActiveSubscriptionsAsync(pages, cancellationToken).ConfigureAwait(false))
        {
            active.Add(subscription);
        }

        progress?.Report($"{active.Count} active subscriptions; reading Contracts from Salesforce…");
        var contracts = await salesforce.ContractsAsync(DateOnly.FromDateTime(until.UtcDateTime), cancellationToken).ConfigureAwait(false);
        var listed = active.Count;
        var due = new List<RenewalCandidate>();
        foreach (var subscription in active)
        {
            var revenue = SubscriptionRevenue.Of(subscription, asOf);
            var term = RenewalTerm.For(subscription, revenue.RunRate, contracts.GetValueOrDefault(subscription.Id), intervals, asOf);
            if (term is not null && term.End > asOf && term.End <= until)
            {
                due.Add(RenewalCandidate.Of(subscription, revenue, term));
            }
        }

        progress?.Report($"{listed} active subscriptions, {due.Count} with a term ending by {SalesforceValues.Date(until)}; reading their Accounts and renewals…");
        var accounts = await salesforce.AccountsAsync([.. due.Select(c => c.Subscription.CustomerId)], cancellationToken).ConfigureAwait(false);
        var existing = await salesforce.ExistingKeysAsync([.. due.Select(c => c.Key)], cancellationToken).ConfigureAwait(false);

        var results = new List<RenewalResult>();
        var toCreate = new List<(RenewalCandidate Candidate, RenewalAccount Account)>();
        foreach (var candidate in due.DistinctBy(c => c.Key))
        {
            if (existing.Contains(candidate.Key))
            {
                results.Add(new RenewalResult(candidate, RenewalOutcome.Exists));
            }
            else if (!accounts.TryGetValue(candidate.Subscription.CustomerId, out var account))
            {
                results.Add(new RenewalResult(candidate, RenewalOutcome.NoAccount));
            }
            else if (dryRun)
            {
                results.Add(new RenewalResult(candidate, RenewalOutcome.WouldCreate));
            }
            else
            {
                toCreate.Add((candidate, account));
            }
        }

        var stages = settings.Stages(mapping.Value.Opportunity);
        var written = 0;
        foreach (var batch in toCreate.Chunk(CollectionSize))
        {
            var records = batch.Select(x => RenewalOpportunity.Fields(x.Candidate, x.Account, mapping.Value, stages)).ToList();
            var answers = await writer.UpsertCollectionAsync(mapping.Value.Opportunity.Object, mapping.Value.Opportunity.RenewalKey, records, allOrNone: false, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < batch.Length; i++)
            {
                results.Add(Result(batch[i].Candidate, i < answers.Count ? answers[i] : null));
            }

            written += batch.Length;
            progress?.Report($"Wrote {written} of {toCreate.Count} renewal Opportunities…");
        }

        return new RenewalSweepReport(asOf, days, dryRun, listed, results) { StripeCalls = pages.Count };
    }

    private static RenewalResult Result(RenewalCandidate candidate, Salesforce.Records.RecordResult? answer)
    {
        if (answer is null)
        {
            return new RenewalResult(candidate, RenewalOutcome.Failed, "Salesforce returned no result for the record");
        }

        // Success without creation: a sweep racing this one created it first (same stamp, same values).
        if (answer.Success)
        {
            return new RenewalResult(candidate, answer.Created ? RenewalOutcome.Created : RenewalOutcome.Exists);
        }

        // The roll or a cancellation wrote it between the read and the write: theirs stands.
        if (answer.Errors.Any(SalesforceErrorClassifier.IsStaleEvent))
        {
            return new RenewalResult(candidate, RenewalOutcome.Exists);
        }

        return new RenewalResult(candidate, RenewalOutcome.Failed, string.Join("; ", answer.Errors.Select(e => $"{e.ErrorCode} {e.Message}")));
    }

    // Progress<T> posts to the thread pool; the CLI's lines must print in order.
    private sealed class PageProgress(IProgress<string>? lines) : IProgress<int>
    {
        public int Count { get; private set; }

        public void Report(int value)
        {
            Count = value;
            lines?.Report($"Listed {value} page(s) of active subscriptions from Stripe…");
        }
    }
}
