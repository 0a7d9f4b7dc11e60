namespace StripeSf.Core.Leads;

/// <summary>A Lead that did not sync in a run: skipped (bad data), refused by Stripe, or deferred to the next run.</summary>
public sealed record LeadProblem(string LeadId, LeadOutcomeKind Kind, string Reason);
