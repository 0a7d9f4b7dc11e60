namespace StripeSf.Core.Leads;

/// <summary>One Lead's result: the customer it is linked to, why it was skipped or refused, how it was matched.</summary>
public sealed record LeadOutcome(LeadRecord Lead, LeadOutcomeKind Kind, CustomerDraft? Draft, string? CustomerId = null, string? Reason = null, string? MatchedBy = null)
{
    /// <summary>True when the Lead needs a write back (its status, error, customer id or fingerprint change).</summary>
    public bool NeedsWriteBack => Kind is LeadOutcomeKind.Created or LeadOutcomeKind.Updated or LeadOutcomeKind.Skipped or LeadOutcomeKind.Refused;
}
