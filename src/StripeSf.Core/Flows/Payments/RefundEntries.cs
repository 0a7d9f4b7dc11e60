using System.Text.Json;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// The negative entries of a refunded charge. API versions before 2022-11-15 embed the charge's
/// refunds (newest first, up to 10): one entry per refund, keyed by its re_ id. Later versions do
/// not embed them: one entry keyed <c>{charge id}-refunds</c> carries the charge's cumulative
/// <c>amount_refunded</c>, which each later refund event overwrites with the new total.
/// </summary>
internal static class RefundEntries
{
    /// <summary>The suffix of the cumulative refund entry's key.</summary>
    public const string CumulativeKeySuffix = "-refunds";

    // Stripe embeds at most 10; the cap keeps a hand-built payload within one composite request.
    private const int MaxEntries = 20;

    /// <summary>The refund entries of <paramref name="charge"/>.</summary>
    public static IReadOnlyList<PaymentEntry> From(JsonElement charge, PaymentMap map, DateTimeOffset eventCreated)
    {
        var chargeEntry = ChargeReader.Entry(charge, map);
        var embedded = charge.Items("refunds").Where(r => r.Str("id") is not null).Take(MaxEntries).ToList();
        if (embedded.Count > 0)
        {
            return [.. embedded.Select(refund => chargeEntry with
            {
                Id = refund.Str("id")!,
                Type = map.TypeRefund,
                SignedMinorUnits = -(refund.Long("amount") ?? 0),
                Currency = refund.Str("currency") ?? chargeEntry.Currency,
                Status = refund.Str("status"),
                PaidAt = refund.Long("created") is { } created ? DateTimeOffset.FromUnixTimeSeconds(created) : eventCreated,
            })];
        }

        var refunded = charge.Long("amount_refunded") ?? 0;
        return refunded <= 0 ? [] :
        [
            chargeEntry with
            {
                Id = chargeEntry.Id + CumulativeKeySuffix,
                Type = map.TypeRefund,
                SignedMinorUnits = -refunded,
                Status = charge.Flag("refunded") ? "refunded" : "partially_refunded",
                PaidAt = eventCreated,
            },
        ];
    }

    /// <summary>True when the whole charge has been refunded.</summary>
    public static bool IsFull(JsonElement charge) =>
        charge.Flag("refunded") || (charge.Long("amount") is > 0 and var amount && charge.Long("amount_refunded") >= amount);
}
