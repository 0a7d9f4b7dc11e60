using System.Globalization;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// The ETA a backfill can honestly show. Stripe lists carry no total count, so an ETA needs a known
/// total: the children of a customer are not counted by anything the run has read, and guessing one
/// would mislead. So: "done" when the list ended, otherwise "ETA unknown (Stripe lists carry no
/// total)", with the rate (objects per second) that lets a person judge.
/// </summary>
internal static class BackfillEta
{
    /// <summary>The rate and ETA text of <paramref name="tally"/> after <paramref name="elapsed"/>.</summary>
    public static string Describe(BackfillTally tally, TimeSpan elapsed, bool done) =>
        $"{(tally.Read / Math.Max(0.001, elapsed.TotalSeconds)).ToString("N0", CultureInfo.InvariantCulture)}/s, " + (done ? "done" : "ETA unknown (Stripe lists carry no total)");
}
