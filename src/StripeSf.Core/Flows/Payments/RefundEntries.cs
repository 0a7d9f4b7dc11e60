using StripeSf.Core.Facts;
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
    public static IReadOnlyList<PaymentEntry> From(ChargeFacts charge, PaymentMap map, DateTimeOffset eventCreated)
    {
        var chargeEntry = ChargeEntry.From(charge, map);
        if (charge.Refunds.Count > 0)
        {
            return [.. charge.Refunds.Take(MaxEntries).Select(refund => chargeEntry with
            {
                Id = refund.Id,
                Type = map.TypeRefund,
                SignedMinorUnits = -refund.Amount,
                Currency = refund.Currency ?? chargeEntry.Currency,
                Status = refund.Status,
                PaidAt = refund.Created ?? eventCreated,
            })];
        }

        return charge.AmountRefunded <= 0 ? [] :
        [
            chargeEntry with
            {
                Id = chargeEntry.Id + CumulativeKeySuffix,
                Type = map.TypeRefund,
                SignedMinorUnits = -charge.AmountRefunded,
                Status = charge.Refunded ? "refunded" : "partially_refunded",
                PaidAt = eventCreated,
            },
        ];
    }
}
