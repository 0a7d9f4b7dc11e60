using System.Globalization;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// The count, rate and ETA one object type's list can honestly show. The total is Stripe's estimate
/// (<see cref="BackfillTotals"/>: search counts, eventually consistent, accurate up to
/// <see cref="BackfillTotals.Cap"/>), shown as "~N"; the ETA is what remains of it at the rate this run
/// reads (objects per second since the list started or resumed). Without a count, or once the list
/// read more than the estimate, the ETA is "unknown" with the reason — never a guess, never past 100%.
/// </summary>
internal sealed class BackfillEta(string objectType, long? estimate, long readBefore, TimeSpan started)
{
    /// <summary>The estimate as shown ("~120", "≥10,000"), or null when Stripe gave none.</summary>
    public string? EstimateText => estimate is { } total ? Total(total) : null;

    /// <summary>Whether the estimate still bounds what was read (so a bar may show a share of it).</summary>
    public bool Bounds(BackfillTally tally) => estimate is { } total && tally.Read <= total;

    /// <summary>"7" or "7 of ~120" (or "of ≥10,000" at Stripe's counting cap).</summary>
    public string Count(BackfillTally tally) =>
        tally.Read.ToString("N0", CultureInfo.InvariantCulture) + (estimate is { } total && tally.Read <= total ? $" of {Total(total)}" : "");

    /// <summary>The rate and ETA text after <paramref name="now"/> on the run's clock.</summary>
    public string Describe(BackfillTally tally, TimeSpan now, bool done)
    {
        var seconds = Math.Max(0.001, (now - started).TotalSeconds);
        var rate = Math.Max(0, tally.Read - readBefore) / seconds;
        var text = $"{rate.ToString("N0", CultureInfo.InvariantCulture)}/s, ";
        if (done)
        {
            return text + "done";
        }

        if (estimate is not { } total)
        {
            return text + (BackfillTotals.Countable(objectType)
                ? "ETA unknown (Stripe's search gave no count)"
                : $"ETA unknown (Stripe has no count for {objectType}: they have no search API)");
        }

        if (tally.Read > total)
        {
            return text + $"ETA unknown (more read than Stripe's estimate of {Total(total)})";
        }

        if (rate <= 0)
        {
            return text + "ETA unknown (no rate yet)";
        }

        var left = TimeSpan.FromSeconds(Math.Ceiling((total - tally.Read) / rate));
        return text + (total >= BackfillTotals.Cap ? "ETA ≥ " : "ETA ") + Format(left);
    }

    private static string Total(long total) =>
        (total >= BackfillTotals.Cap ? "≥" : "~") + total.ToString("N0", CultureInfo.InvariantCulture);

    private static string Format(TimeSpan left) => left.TotalHours >= 1
        ? $"{(int)left.TotalHours}h {left.Minutes:00}m"
        : left.TotalMinutes >= 1 ? $"{left.Minutes}m {left.Seconds:00}s" : $"{left.Seconds}s";
}
