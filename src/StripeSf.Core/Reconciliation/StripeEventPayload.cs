namespace StripeSf.Core.Reconciliation;

/// <summary>A Stripe event as listed by the API (raw JSON, the same shape a webhook delivers) and the object it is about.</summary>
public sealed record StripeEventPayload(string Id, string Type, string ObjectId, DateTimeOffset Created, byte[] Payload);
