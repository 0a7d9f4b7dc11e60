namespace StripeSf.Core.Revenue;

using System.Text.Json;
using Stripe;

/// <summary>
/// Collects the discounts of a subscription or item across Stripe API versions:
/// <list type="bullet">
/// <item><description>current API: <c>discounts</c> array of ids or expanded discounts whose coupon
/// is at <c>source.coupon</c>;</description></item>
/// <item><description>versions up to 2025: expanded discounts carry <c>coupon</c> directly, which
/// Stripe.net 53 no longer maps, so it is read from the raw JSON;</description></item>
/// <item><description>2020-08-27 and similar: a single <c>discount</c> object (no longer mapped either),
/// read from the raw JSON.</description></item>
/// </list>
/// Versions that render both <c>discount</c> and <c>discounts</c> list the same discount twice; it is
/// de-duplicated by discount id.
/// </summary>
internal static class DiscountReader
{
    public static IReadOnlyList<ResolvedDiscount> ForSubscription(Subscription subscription) =>
        Read(subscription.DiscountIds, subscription.Discounts, subscription.RawJsonElement);

    public static IReadOnlyList<ResolvedDiscount> ForItem(SubscriptionItem item) =>
        Read(item.DiscountIds, item.Discounts, item.RawJsonElement);

    private static List<ResolvedDiscount> Read(List<string>? ids, List<Discount>? expanded, JsonElement? owner)
    {
        var result = new List<ResolvedDiscount>();
        var count = Math.Max(ids?.Count ?? 0, expanded?.Count ?? 0);
        for (var i = 0; i < count; i++)
        {
            var discount = expanded is not null && i < expanded.Count ? expanded[i] : null;
            var id = discount?.Id ?? (ids is not null && i < ids.Count ? ids[i] : null);
            result.Add(discount is null
                ? new ResolvedDiscount(id, null, null, $"discount {id} is not expanded in the payload")
                : Resolve(discount));
        }

        // The legacy single `discount` (API versions before the discounts array). Stripe.net 53 has no
        // property for it, so it only survives in the raw JSON.
        if (owner is { ValueKind: JsonValueKind.Object } raw
            && raw.TryGetProperty("discount", out var legacy) && legacy.ValueKind == JsonValueKind.Object)
        {
            var legacyDiscount = FromLegacyJson(legacy);
            var same = result.FindIndex(d => d.Id is not null && d.Id == legacyDiscount.Id);
            if (same < 0)
            {
                result.Add(legacyDiscount);
            }
            else if (result[same].Coupon is null && legacyDiscount.Coupon is not null)
            {
                result[same] = legacyDiscount;
            }
        }

        return result;
    }

    private static ResolvedDiscount Resolve(Discount discount)
    {
        if (discount.Source?.Coupon is { } coupon)
        {
            return new ResolvedDiscount(discount.Id, CouponTerms.From(coupon, coupon.RawJsonElement), discount.End, null);
        }

        if (discount.RawJsonElement is { ValueKind: JsonValueKind.Object } raw
            && raw.TryGetProperty("coupon", out var couponJson) && couponJson.ValueKind == JsonValueKind.Object)
        {
            return new ResolvedDiscount(discount.Id, CouponTerms.FromJson(couponJson), discount.End, null);
        }

        var couponId = discount.Source?.CouponId;
        return new ResolvedDiscount(discount.Id, null, discount.End,
            $"discount {discount.Id}: coupon {couponId} is not expanded in the payload");
    }

    private static ResolvedDiscount FromLegacyJson(JsonElement legacy)
    {
        var id = legacy.TryGetProperty("id", out var idJson) && idJson.ValueKind == JsonValueKind.String
            ? idJson.GetString()
            : null;
        DateTime? end = legacy.TryGetProperty("end", out var endJson) && endJson.ValueKind == JsonValueKind.Number
            ? DateTimeOffset.FromUnixTimeSeconds(endJson.GetInt64()).UtcDateTime
            : null;
        if (legacy.TryGetProperty("coupon", out var couponJson) && couponJson.ValueKind == JsonValueKind.Object)
        {
            return new ResolvedDiscount(id, CouponTerms.FromJson(couponJson), end, null);
        }

        // Newer shapes put the coupon under source.coupon even on the single discount.
        if (legacy.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object
            && source.TryGetProperty("coupon", out var sourceCoupon) && sourceCoupon.ValueKind == JsonValueKind.Object)
        {
            return new ResolvedDiscount(id, CouponTerms.FromJson(sourceCoupon), end, null);
        }

        return new ResolvedDiscount(id, null, end, $"discount {id}: coupon is not expanded in the payload");
    }
}
