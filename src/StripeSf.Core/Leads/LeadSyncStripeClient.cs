using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.StripeApi;

namespace StripeSf.Core.Leads;

/// <summary>
/// The Stripe client the Lead sync writes with, built on first use (so a Function App without
/// <c>Stripe__ApiKey</c> still starts) and with Stripe.net's own retries off: the
/// <see cref="StripeCallPolicy"/> decides every retry.
/// </summary>
public sealed class LeadSyncStripeClient(IOptions<StripeApiOptions> options)
{
    private IStripeClient? _client;

    /// <summary>The client; throws <see cref="InvalidOperationException"/> naming <c>Stripe__ApiKey</c> when it is not set.</summary>
    public IStripeClient Client => _client ??= Create(options.Value);

    private static StripeClient Create(StripeApiOptions stripe)
    {
        if (string.IsNullOrWhiteSpace(stripe.ApiKey))
        {
            throw new InvalidOperationException("Stripe__ApiKey is required for the Lead sync: a restricted key (rk_…) with write access to customers.");
        }

        return new StripeClient(new StripeClientOptions
        {
            ApiKey = stripe.ApiKey,
            ApiBase = string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase,
            HttpClient = new SystemNetHttpClient(maxNetworkRetries: 0),
        });
    }
}
