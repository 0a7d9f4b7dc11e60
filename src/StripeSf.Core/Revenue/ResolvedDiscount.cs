namespace StripeSf.Core.Revenue;

/// <summary>
/// A discount on a subscription or item: its coupon when the payload carries it, otherwise the reason
/// it cannot be applied (an unexpanded discount or coupon id).
/// </summary>
internal sealed record ResolvedDiscount(string? Id, CouponTerms? Coupon, DateTime? End, string? Problem);
