namespace StripeSf.Testing.Stripe;

/// <summary>One request to the loopback's customers API: what was asked and how it was answered.</summary>
public sealed record StripeCustomerRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, string IdempotencyKey, int Status, bool Replayed);
