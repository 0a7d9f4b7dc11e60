using System.Text.Json;
using StripeSf.Core.Flows.Shared;

namespace StripeSf.Core.Flows.Disputes;

/// <summary>What a dispute event says (the same fields in every API version since 2020).</summary>
internal sealed record DisputeFacts(string Id, string ChargeId, long Amount, string Currency, string? Reason, string? Status, long? EvidenceDueBy, bool HasEvidence)
{
    /// <summary>Reads <paramref name="dispute"/>.</summary>
    public static DisputeFacts From(JsonElement dispute)
    {
        var id = dispute.Required("dispute", "id");
        return new DisputeFacts(
            id,
            dispute.Required($"dispute {id}", "charge"),
            dispute.Long("amount") ?? 0,
            dispute.Required($"dispute {id}", "currency"),
            dispute.Str("reason"),
            dispute.Str("status"),
            dispute.Long("evidence_details", "due_by"),
            dispute.Flag("evidence_details", "has_evidence"));
    }

    /// <summary>True once Stripe has decided the dispute against the merchant.</summary>
    public bool IsLost => Status == "lost";
}
