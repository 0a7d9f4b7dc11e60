using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;

namespace StripeSf.Core.Flows.Disputes;

/// <summary>The Case subject and description of a dispute: what the owner needs to respond before the deadline.</summary>
internal static class DisputeCaseText
{
    /// <summary>e.g. "Stripe dispute (fraudulent): 1.00 USD on ch_123".</summary>
    public static string Subject(DisputeFacts dispute) =>
        $"Stripe dispute ({Readable(dispute.Reason)}): {BillingText.MinorUnits(dispute.Amount, dispute.Currency)} on {dispute.ChargeId}";

    /// <summary>Reason, amount, status and the evidence deadline.</summary>
    public static string Description(DisputeFacts dispute, bool closed)
    {
        var lines = new List<string>
        {
            $"Stripe dispute {dispute.Id} on charge {dispute.ChargeId}.",
            $"Reason: {Readable(dispute.Reason)}",
            $"Amount: {BillingText.MinorUnits(dispute.Amount, dispute.Currency)}",
            closed ? $"Closed: {Readable(dispute.Status)}" : $"Status: {Readable(dispute.Status)}",
        };
        if (!closed)
        {
            lines.Add(dispute.EvidenceDueBy is { } due
                ? $"Evidence due by: {BillingText.Time(due)}{(dispute.HasEvidence ? " (evidence started)" : "")}"
                : "Evidence due by: not stated");
        }

        lines.Add($"Respond in the Stripe Dashboard: https://dashboard.stripe.com/disputes/{dispute.Id}");
        return string.Join('\n', lines);
    }

    private static string Readable(string? value) => string.IsNullOrEmpty(value) ? "unknown" : value.Replace('_', ' ');
}
