namespace StripeSf.Core.Ingress;

/// <summary>The few fields of a Stripe event the ingress routes on; the full event is parsed later, by the processor.</summary>
public sealed record EventEnvelope(
    string Id,
    string Type,
    bool Livemode,
    DateTimeOffset Created,
    string? ApiVersion,
    string? ObjectId,
    string? CustomerId);
