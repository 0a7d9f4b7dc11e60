namespace StripeSf.Core.Renewals;

/// <summary>The stages of a renewal Opportunity: created open by the sweep, closed won by the period roll, lost by a cancellation.</summary>
public sealed record RenewalStages(string Open, string Won, string Lost);
