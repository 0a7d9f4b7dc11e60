namespace StripeSf.Core.Tests.Revenue;

using System.Globalization;

/// <summary>
/// A price for test subscriptions, rendered both as a Price object and as the legacy Plan object that
/// 2020-08-27 payloads carry beside it. Amounts are Stripe minor units.
/// </summary>
internal sealed record PriceSpec
{
    public string Id { get; init; } = "price_test_basic";

    public string Product { get; init; } = "prod_test_basic";

    public string Currency { get; init; } = "usd";

    public long? UnitAmount { get; init; }

    /// <summary>unit_amount_decimal as Stripe sends it (a string); defaults to UnitAmount.</summary>
    public string? UnitAmountDecimal { get; init; }

    public string Interval { get; init; } = "month";

    public int IntervalCount { get; init; } = 1;

    public string UsageType { get; init; } = "licensed";

    public string BillingScheme { get; init; } = "per_unit";

    public string? TiersMode { get; init; }

    /// <summary>Raw JSON array of tiers, e.g. [{"up_to":5,"unit_amount":1000,"flat_amount":null}].</summary>
    public string? TiersJson { get; init; }

    /// <summary>Raw JSON of transform_quantity, e.g. {"divide_by":10,"round":"up"}.</summary>
    public string? TransformJson { get; init; }

    public string? Nickname { get; init; }

    private string UnitDecimalJson => UnitAmountDecimal is not null
        ? $"\"{UnitAmountDecimal}\""
        : UnitAmount is { } u ? $"\"{u.ToString(CultureInfo.InvariantCulture)}\"" : "null";

    private string UnitJson => UnitAmount is { } u ? u.ToString(CultureInfo.InvariantCulture) : "null";

    private string NicknameJson => Nickname is null ? "null" : $"\"{Nickname}\"";

    private string TiersModeJson => TiersMode is null ? "null" : $"\"{TiersMode}\"";

    private string TiersProperty => TiersJson is null ? string.Empty : $"\"tiers\": {TiersJson},";

    public string PriceJson() => $$"""
        {
          "id": "{{Id}}",
          "object": "price",
          "active": true,
          "billing_scheme": "{{BillingScheme}}",
          "created": 1648320104,
          "currency": "{{Currency}}",
          "livemode": false,
          "lookup_key": null,
          "metadata": {},
          "nickname": {{NicknameJson}},
          "product": "{{Product}}",
          "recurring": {
            "aggregate_usage": null,
            "interval": "{{Interval}}",
            "interval_count": {{IntervalCount}},
            "trial_period_days": null,
            "usage_type": "{{UsageType}}"
          },
          "tax_behavior": "unspecified",
          {{TiersProperty}}
          "tiers_mode": {{TiersModeJson}},
          "transform_quantity": {{TransformJson ?? "null"}},
          "type": "recurring",
          "unit_amount": {{UnitJson}},
          "unit_amount_decimal": {{UnitDecimalJson}}
        }
        """;

    public string PlanJson() => $$"""
        {
          "id": "{{Id}}",
          "object": "plan",
          "active": true,
          "aggregate_usage": null,
          "amount": {{UnitJson}},
          "amount_decimal": {{UnitDecimalJson}},
          "billing_scheme": "{{BillingScheme}}",
          "created": 1648320104,
          "currency": "{{Currency}}",
          "interval": "{{Interval}}",
          "interval_count": {{IntervalCount}},
          "livemode": false,
          "metadata": {},
          "nickname": {{NicknameJson}},
          "product": "{{Product}}",
          {{TiersProperty}}
          "tiers_mode": {{TiersModeJson}},
          "transform_usage": {{TransformJson ?? "null"}},
          "trial_period_days": null,
          "usage_type": "{{UsageType}}"
        }
        """;
}
