using Stripe;

namespace StripeSf.Core.StripeApi;

/// <summary>Builds the Stripe.net client from <see cref="StripeApiOptions"/>.</summary>
public static class StripeClientFactory
{
    /// <summary>The client, or an exception naming the setting to set.</summary>
    public static IStripeClient Create(StripeApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException("Stripe__ApiKey is required: a restricted key (rk_…) with write access to webhook endpoints.");
        }

        return new StripeClient(new StripeClientOptions { ApiKey = options.ApiKey, ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase });
    }
}
