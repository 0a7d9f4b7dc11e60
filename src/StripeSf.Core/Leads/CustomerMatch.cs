namespace StripeSf.Core.Leads;

/// <summary>
/// The Stripe customer a Lead belongs to (null: none yet) and how it was found — <c>stored id</c>,
/// <c>metadata</c>, <c>unique email</c> — or, when several customers claim the Lead, why none was chosen.
/// </summary>
public sealed record CustomerMatch(string? CustomerId, string How, string? Ambiguity = null)
{
    /// <summary>No customer: create one.</summary>
    public static readonly CustomerMatch None = new(null, "none");
}
