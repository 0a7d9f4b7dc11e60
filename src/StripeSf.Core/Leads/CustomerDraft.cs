namespace StripeSf.Core.Leads;

/// <summary>
/// The Stripe customer values one Lead stands for (Stripe field → value, ordinal order, blanks
/// included so an update can clear them), and their <see cref="Fingerprint"/>: a hash of the Lead id
/// and the values, which names the idempotency keys and is written back to the Lead.
/// </summary>
public sealed record CustomerDraft(string LeadId, IReadOnlyList<KeyValuePair<string, string>> Values, string Fingerprint)
{
    /// <summary>A value by Stripe field (<c>email</c>, <c>metadata.salesforce_lead_id</c>); empty when blank.</summary>
    public string Value(string stripeField) => Values.FirstOrDefault(v => v.Key == stripeField).Value ?? "";

    /// <summary>
    /// The idempotency key of a create, or of an update of <paramref name="customerId"/>: the same Lead
    /// with the same values gets the same key (Stripe replays the first answer), a changed Lead a new one.
    /// </summary>
    public string IdempotencyKey(string? customerId) =>
        customerId is null ? $"stripesf-lead-{LeadId}-create-{Fingerprint}" : $"stripesf-lead-{LeadId}-update-{customerId}-{Fingerprint}";
}
