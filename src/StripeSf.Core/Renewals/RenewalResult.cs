namespace StripeSf.Core.Renewals;

/// <summary>One due subscription's result; <paramref name="Error"/> is Salesforce's answer when it failed.</summary>
public sealed record RenewalResult(RenewalCandidate Candidate, RenewalOutcome Outcome, string? Error = null);
