using System.Diagnostics;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>Progress as plain lines, for redirected output (CI logs, files): one line per chunk and per Bulk job.</summary>
internal sealed class PlainBackfillProgress(TextWriter output) : IBackfillProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    // Object types run one after the other: the current one started when the previous one ended.
    private TimeSpan _typeStarted;

    public void ChunkDone(string objectType, BackfillTally tally) =>
        output.WriteLine($"backfill: {objectType}: {tally.Read:N0} read ({BackfillEta.Describe(tally, _clock.Elapsed - _typeStarted, done: false)}), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, {tally.Failed:N0} failed");

    public void JobStarted(string objectType, string sObject, string jobId, int rows) =>
        output.WriteLine($"backfill: {objectType}: Bulk job {jobId} upserts {rows:N0} {sObject} rows");

    public void ObjectDone(string objectType, BackfillTally tally)
    {
        output.WriteLine($"backfill: {objectType}: done, {tally.Read:N0} read in {(_clock.Elapsed - _typeStarted).TotalSeconds:0.0} s ({_clock.Elapsed.TotalSeconds:0.0} s in all)");
        _typeStarted = _clock.Elapsed;
    }
}
