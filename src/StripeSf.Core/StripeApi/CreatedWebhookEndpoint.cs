namespace StripeSf.Core.StripeApi;

/// <summary>A webhook endpoint just created in Stripe. <see cref="Secret"/> is shown by Stripe only this once.</summary>
public sealed record CreatedWebhookEndpoint(string Id, string Url, string ApiVersion, IReadOnlyList<string> EnabledEvents, string Secret);
