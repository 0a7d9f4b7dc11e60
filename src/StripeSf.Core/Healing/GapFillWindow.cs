using System.Globalization;

namespace StripeSf.Core.Healing;

/// <summary>
/// The Stripe events a gap-fill sends through processing: created in [<see cref="Since"/>,
/// <see cref="Until"/>). <see cref="Clamped"/> says the asked start was older than Stripe's 30-day
/// event retention, so events before <see cref="Since"/> are gone.
/// </summary>
public sealed record GapFillWindow(DateTimeOffset Since, DateTimeOffset Until, bool Clamped)
{
    /// <summary>"2026-11-20T03:00:00Z to 2026-11-22T03:00:00Z".</summary>
    public override string ToString() => $"{Stamp(Since)} to {Stamp(Until)}{(Clamped ? " (clamped to Stripe's 30-day event retention)" : "")}";

    /// <summary>An instant as the reports print it.</summary>
    public static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
