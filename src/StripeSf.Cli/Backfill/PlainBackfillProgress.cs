using System.Diagnostics;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// Progress as plain lines, for redirected output (CI logs, files): one line when a list starts (with
/// Stripe's estimated count), one per chunk (count of the estimate, rate, ETA) and one per Bulk job.
/// </summary>
internal sealed class PlainBackfillProgress(TextWriter output) : IBackfillProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, BackfillEta> _etas = new(StringComparer.Ordinal);

    // Object types run one after the other: the current one started when the previous one ended.
    private TimeSpan _typeStarted;

    public void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally)
    {
        _typeStarted = _clock.Elapsed;
        var eta = _etas[objectType] = new BackfillEta(objectType, estimatedTotal, tally.Read, _typeStarted);
        output.WriteLine($"backfill: {objectType}: {(eta.EstimateText is { } total ? $"Stripe estimates {total} objects" : "no count from Stripe")}{(tally.Read > 0 ? $", {tally.Read:N0} read before (resumed)" : "")}");
    }

    public void ChunkDone(string objectType, BackfillTally tally) =>
        output.WriteLine($"backfill: {objectType}: {Eta(objectType).Count(tally)} read ({Eta(objectType).Describe(tally, _clock.Elapsed, done: false)}), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, {tally.Failed:N0} failed");

    public void JobStarted(string objectType, string sObject, string jobId, int rows) =>
        output.WriteLine($"backfill: {objectType}: Bulk job {jobId} upserts {rows:N0} {sObject} rows");

    public void ObjectDone(string objectType, BackfillTally tally)
    {
        output.WriteLine($"backfill: {objectType}: done, {tally.Read:N0} read in {(_clock.Elapsed - _typeStarted).TotalSeconds:0.0} s ({_clock.Elapsed.TotalSeconds:0.0} s in all)");
        _typeStarted = _clock.Elapsed;
    }

    private BackfillEta Eta(string objectType) =>
        _etas.TryGetValue(objectType, out var eta) ? eta : _etas[objectType] = new BackfillEta(objectType, null, 0, _typeStarted);
}
