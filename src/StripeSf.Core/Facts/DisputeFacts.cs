using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>A dispute (the fields read here are the same in every API version since 2020-08-27). Amounts are minor units.</summary>
public sealed record DisputeFacts
{
    /// <summary>Dispute id (<c>dp_…</c> or <c>du_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The disputed charge id.</summary>
    public required string ChargeId { get; init; }

    /// <summary>Disputed amount.</summary>
    public long Amount { get; init; }

    /// <summary>Lower-case currency.</summary>
    public required string Currency { get; init; }

    /// <summary><c>reason</c> (fraudulent, product_not_received…).</summary>
    public string? Reason { get; init; }

    /// <summary><c>status</c> (needs_response, under_review, won, lost…).</summary>
    public string? Status { get; init; }

    /// <summary>The disputed payment intent id.</summary>
    public string? PaymentIntentId { get; init; }

    /// <summary><c>evidence_details.due_by</c>.</summary>
    public DateTimeOffset? EvidenceDueBy { get; init; }

    /// <summary><c>evidence_details.has_evidence</c>.</summary>
    public bool HasEvidence { get; init; }

    /// <summary>The card brand, from <c>payment_method_details.card</c> (2022 on; absent before).</summary>
    public string? CardBrand { get; init; }

    /// <summary>True once Stripe has decided the dispute against the merchant.</summary>
    public bool IsLost => Status == "lost";

    /// <summary>Reads a dispute object.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id, charge or currency.</exception>
    public static DisputeFacts From(JsonElement dispute)
    {
        var json = new StripeJson(dispute, "dispute");
        var id = json.RequiredId("id");
        json = new StripeJson(dispute, $"dispute {id}");
        return new DisputeFacts
        {
            Id = id,
            ChargeId = json.RequiredId("charge"),
            Amount = json.Long("amount") ?? 0,
            Currency = json.RequiredId("currency"),
            Reason = json.String("reason"),
            Status = json.String("status"),
            PaymentIntentId = json.Id("payment_intent"),
            EvidenceDueBy = json.Time("evidence_details.due_by"),
            HasEvidence = json.Bool("evidence_details.has_evidence") ?? false,
            CardBrand = json.String("payment_method_details.card.brand"),
        };
    }
}
