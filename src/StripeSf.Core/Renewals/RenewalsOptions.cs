using System.ComponentModel.DataAnnotations;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Renewals;

/// <summary>Renewals ahead of term end (<c>Renewals__*</c>): how far ahead, which billing intervals renew by their period, the stages.</summary>
public sealed class RenewalsOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Renewals";

    /// <summary>The billing intervals Stripe knows.</summary>
    public static readonly IReadOnlyList<string> KnownIntervals = ["day", "week", "month", "year"];

    /// <summary>A renewal Opportunity is created for a term that ends within this many days.</summary>
    [Range(1, 730)]
    public int Days { get; set; } = 90;

    /// <summary>
    /// Comma-separated billing intervals whose current period end is a term end (default <c>year</c>: a
    /// monthly plan renews by the month and is left out). <c>cancel_at</c> and a Contract's end are terms
    /// whatever the interval.
    /// </summary>
    public string Intervals { get; set; } = "year";

    /// <summary>Stage of a renewal the sweep creates; empty: <c>Mapping__Opportunity__StageOpen</c>.</summary>
    public string? OpenStage { get; set; }

    /// <summary>Stage the billing-period roll closes a renewal with; empty: <c>Mapping__Opportunity__StageClosedWon</c>.</summary>
    public string? WonStage { get; set; }

    /// <summary>Stage a cancellation closes a renewal with; empty: <c>Mapping__Opportunity__StageClosedLost</c>.</summary>
    public string? LostStage { get; set; }

    /// <summary>The intervals of <see cref="Intervals"/>, lower case.</summary>
    public IReadOnlySet<string> IntervalSet =>
        Intervals.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(i => i.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>The three stages, each falling back to the mapping's stage when not set.</summary>
    public RenewalStages Stages(OpportunityMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new RenewalStages(
            string.IsNullOrWhiteSpace(OpenStage) ? map.StageOpen : OpenStage,
            string.IsNullOrWhiteSpace(WonStage) ? map.StageClosedWon : WonStage,
            string.IsNullOrWhiteSpace(LostStage) ? map.StageClosedLost : LostStage);
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = IntervalSet.Where(i => !KnownIntervals.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Renewals__Intervals: {string.Join(", ", unknown)} is not a Stripe billing interval; use a comma-separated list of {string.Join(", ", KnownIntervals)}",
                [nameof(Intervals)]);
        }
    }
}
