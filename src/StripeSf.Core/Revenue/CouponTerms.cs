namespace StripeSf.Core.Revenue;

using System.Text.Json;
using Stripe;

/// <summary>The parts of a coupon that change recurring revenue, whichever API shape it came from.</summary>
internal sealed record CouponTerms
{
    public string? Id { get; init; }

    public decimal? PercentOff { get; init; }

    /// <summary>Fixed amount off per invoice, minor units of <see cref="Currency"/>.</summary>
    public long? AmountOff { get; init; }

    public string? Currency { get; init; }

    /// <summary>Fixed amounts off in other currencies (multi-currency coupons), keyed by lower-case code.</summary>
    public IReadOnlyDictionary<string, long> AmountOffByCurrency { get; init; } = new Dictionary<string, long>();

    /// <summary><c>once</c>, <c>repeating</c> or <c>forever</c>.</summary>
    public string? Duration { get; init; }

    /// <summary>Product ids the coupon is restricted to; null means every item.</summary>
    public IReadOnlyCollection<string>? AppliesToProducts { get; init; }

    public static CouponTerms From(Coupon coupon, JsonElement? raw)
    {
        var products = coupon.AppliesTo?.Products;
        if (products is null && raw is { ValueKind: JsonValueKind.Object } r
            && r.TryGetProperty("applies_to", out var appliesTo) && appliesTo.ValueKind == JsonValueKind.Object
            && appliesTo.TryGetProperty("products", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            products = list.EnumerateArray().Select(p => p.GetString()).OfType<string>().ToList();
        }

        return new CouponTerms
        {
            Id = coupon.Id,
            PercentOff = coupon.PercentOff,
            AmountOff = coupon.AmountOff,
            Currency = coupon.Currency,
            AmountOffByCurrency = coupon.CurrencyOptions?
                .Where(kv => kv.Value is not null)
                .ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value.AmountOff)
                ?? new Dictionary<string, long>(),
            Duration = coupon.Duration,
            AppliesToProducts = products is { Count: > 0 } ? products.ToHashSet(StringComparer.Ordinal) : null,
        };
    }

    /// <summary>Parses a raw coupon object (older API shapes the typed model no longer maps).</summary>
    public static CouponTerms FromJson(JsonElement couponJson) =>
        From(Coupon.FromJson(couponJson.GetRawText()), couponJson);

    /// <summary>The fixed amount off in <paramref name="currency"/>, if the coupon has one for it.</summary>
    public long? AmountOffIn(string currency)
    {
        if (AmountOff is { } amount && string.Equals(Currency, currency, StringComparison.OrdinalIgnoreCase))
        {
            return amount;
        }

        return AmountOffByCurrency.TryGetValue(currency.ToLowerInvariant(), out var other) ? other : null;
    }
}
