using System.Diagnostics;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>Progress as plain lines, for redirected output (CI logs, files): one line per chunk and per Bulk job.</summary>
internal sealed class PlainBackfillProgress(TextWriter output) : IBackfillProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void ChunkDone(string objectType, BackfillTally tally) =>
        output.WriteLine($"backfill: {objectType}: {tally.Read:N0} read ({Rate(tally.Read)}/s), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, {tally.Failed:N0} failed");

    public void JobStarted(string objectType, string sObject, string jobId, int rows) =>
        output.WriteLine($"backfill: {objectType}: Bulk job {jobId} upserts {rows:N0} {sObject} rows");

    public void ObjectDone(string objectType, BackfillTally tally) =>
        output.WriteLine($"backfill: {objectType}: done, {tally.Read:N0} read in {_clock.Elapsed.TotalSeconds:0.0} s");

    private string Rate(long count) => (count / Math.Max(0.001, _clock.Elapsed.TotalSeconds)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
