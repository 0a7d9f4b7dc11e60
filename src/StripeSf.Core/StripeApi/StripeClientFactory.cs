using Stripe;

namespace StripeSf.Core.StripeApi;

/// <summary>Builds the Stripe.net client from <see cref="StripeApiOptions"/>: the one place that reads the key and the API base.</summary>
public static class StripeClientFactory
{
    /// <summary>The client for creating webhook endpoints, or an exception naming the setting to set.</summary>
    public static IStripeClient Create(StripeApiOptions options) =>
        Create(options, "Stripe__ApiKey is required: a restricted key (rk_…) with write access to webhook endpoints.");

    /// <summary>The client, or an <see cref="InvalidOperationException"/> saying <paramref name="missingKeyMessage"/> when no key is set.</summary>
    /// <param name="options">Key and API base (<c>Stripe__ApiBase</c> for the loopback Stripe).</param>
    /// <param name="missingKeyMessage">What needs the key and with which access, naming <c>Stripe__ApiKey</c>.</param>
    /// <param name="sdkRetries">False: Stripe.net's own network retries off, because the caller's policy decides every retry.</param>
    public static StripeClient Create(StripeApiOptions options, string missingKeyMessage, bool sdkRetries = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new InvalidOperationException(missingKeyMessage);
        }

        return new StripeClient(new StripeClientOptions
        {
            ApiKey = options.ApiKey,
            ApiBase = string.IsNullOrWhiteSpace(options.ApiBase) ? null : options.ApiBase,
            HttpClient = sdkRetries ? null : new SystemNetHttpClient(maxNetworkRetries: 0),
        });
    }
}
