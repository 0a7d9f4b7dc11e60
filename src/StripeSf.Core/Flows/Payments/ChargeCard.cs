using System.Text.Json;
using StripeSf.Core.Flows.Shared;

namespace StripeSf.Core.Flows.Payments;

/// <summary>
/// The only card data ever synced: brand and last 4, read field by field (an allow-list), so the
/// number, CVC checks, fingerprint, expiry and any bank account or routing number stay in Stripe.
/// </summary>
internal sealed record ChargeCard(string? Brand, string? Last4)
{
    /// <summary>The card of <paramref name="charge"/>: payment_method_details (all versions), else the legacy card source.</summary>
    public static ChargeCard From(JsonElement charge)
    {
        foreach (var kind in (string[])["card", "card_present"])
        {
            if (charge.At("payment_method_details", kind) is { } card)
            {
                return new ChargeCard(card.Str("brand"), card.Str("last4"));
            }
        }

        return charge.Str("source", "object") == "card"
            ? new ChargeCard(charge.Str("source", "brand"), charge.Str("source", "last4"))
            : new ChargeCard(null, null);
    }
}
