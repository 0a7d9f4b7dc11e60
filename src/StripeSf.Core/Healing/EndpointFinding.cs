namespace StripeSf.Core.Healing;

/// <summary>One problem of a Stripe webhook endpoint that should deliver to this app, and what to do about it.</summary>
public sealed record EndpointFinding(string? EndpointId, string Problem, string Fix);
