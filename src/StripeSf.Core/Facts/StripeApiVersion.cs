using System.Globalization;

namespace StripeSf.Core.Facts;

/// <summary>
/// An event's <c>api_version</c> (<c>2020-08-27</c>, <c>2025-03-31.basil</c>, <c>2026-07-29.dahlia</c>):
/// the date orders versions, the release name is informational. Facts read by shape first (a payload
/// replaced by an API fetch keeps the event's version but has the fetch's shape); the version decides
/// only what a shape cannot tell, such as whether an embedded list is complete.
/// </summary>
public sealed record StripeApiVersion(DateOnly Date, string Text)
{
    /// <summary>2022-11-15: <c>payment_intent.charges</c> removed (<c>latest_charge</c> instead) and <c>charge.refunds</c> no longer auto-expanded.</summary>
    public static readonly DateOnly ChargesNotEmbedded = new(2022, 11, 15);

    /// <summary>
    /// 2025-03-31.basil: <c>invoice.subscription</c> → <c>invoice.parent.subscription_details.subscription</c>;
    /// <c>invoice.charge</c>, <c>payment_intent</c>, <c>paid</c> removed; <c>charge.invoice</c> and
    /// <c>payment_intent.invoice</c> removed; subscription <c>current_period_*</c> moved to items; singular
    /// <c>discount</c> removed from subscriptions and customers.
    /// </summary>
    public static readonly DateOnly Basil = new(2025, 3, 31);

    /// <summary>2025-09-30.clover: <c>discount.coupon</c> → <c>discount.source.coupon</c> (not auto-expanded).</summary>
    public static readonly DateOnly Clover = new(2025, 9, 30);

    /// <summary>The version that the recorded 2020 fixtures (and the oldest supported endpoints) use.</summary>
    public static readonly StripeApiVersion Legacy = Parse("2020-08-27")!;

    /// <summary>The version, or null when <paramref name="text"/> is missing or not dated.</summary>
    public static StripeApiVersion? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length < 10
            || !DateOnly.TryParseExact(text.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        return new StripeApiVersion(date, text);
    }

    /// <summary>True for versions dated on or after <paramref name="change"/>.</summary>
    public bool IsAtLeast(DateOnly change) => Date >= change;

    /// <inheritdoc />
    public override string ToString() => Text;
}
