using System.Globalization;

namespace StripeSf.Core.Healing;

/// <summary>A finished gap-fill: the window, every event listed, and what became of each.</summary>
public sealed record GapFillResult(GapFillWindow Window, IReadOnlyList<GapFillOutcome> Outcomes)
{
    /// <summary>Outcomes that did not reach a queue or Salesforce.</summary>
    public IReadOnlyList<GapFillOutcome> Failures => [.. Outcomes.Where(o => o.Failed)];

    /// <summary>One summary line: counts per state.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Gap-fill {Window}: {Outcomes.Count} routed events listed{(Outcomes.Count == 0 ? "" : ": " + string.Join(", ", Outcomes.GroupBy(o => o.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")))}");
}
