namespace StripeSf.Core.Revenue;

using StripeSf.Core.Facts;

/// <summary>Working state for one item while <see cref="MrrCalculator"/> prices it; minor units, unrounded.</summary>
internal sealed class ItemLine
{
    public required SubscriptionItemFacts Item { get; init; }

    public Facts.PriceFacts? Terms { get; init; }

    public decimal PeriodAmount { get; set; }

    public decimal GrossMonthly { get; set; }

    public decimal NetMonthly { get; set; }

    public bool Included { get; set; }

    public List<string> Notes { get; } = [];

    public RecurringRevenueItem ToResult(string currency) => new()
    {
        ItemId = Item.Id,
        PriceId = Terms?.Id,
        ProductId = Terms?.ProductId,
        Name = Terms?.DisplayName,
        Currency = Terms?.Currency is { Length: 3 } c ? Money.ToIsoCode(c) : Terms?.Currency,
        Quantity = Item.Quantity ?? 0,
        Interval = Terms is null ? null : BillingCadence.Of(Terms)?.Interval,
        IntervalCount = Terms is null ? 0 : BillingCadence.Of(Terms)?.IntervalCount ?? 0,
        UsageType = Terms?.UsageType ?? "licensed",
        PeriodAmount = Major(PeriodAmount, currency),
        GrossMonthlyAmount = Major(GrossMonthly, currency),
        NetMonthlyAmount = Major(NetMonthly, currency),
        Included = Included,
        Note = Notes.Count == 0 ? null : string.Join("; ", Notes),
    };

    private static decimal Major(decimal minor, string currency) =>
        Money.Round(Money.ToMajorUnits(minor, currency), currency);
}
