using System.Globalization;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// A half-open UTC window [<see cref="Start"/>, <see cref="End"/>) of whole days. Its key (the start
/// date, yyyy-MM-dd) names the run record and the Case, so a re-run of the same window rewrites them.
/// </summary>
public sealed record ReconciliationWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The run key: the window's start date.</summary>
    public string RunKey => Start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><paramref name="days"/> whole UTC days starting at <paramref name="firstDay"/>.</summary>
    public static ReconciliationWindow ForDays(DateOnly firstDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new ReconciliationWindow(start, start.AddDays(days));
    }

    /// <summary>The <paramref name="days"/> days that ended at the last UTC midnight before <paramref name="now"/>.</summary>
    public static ReconciliationWindow EndingBefore(DateTimeOffset now, int days) =>
        ForDays(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-days), days);

    /// <summary>True when <paramref name="instant"/> falls inside the window (start inclusive, end exclusive).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
