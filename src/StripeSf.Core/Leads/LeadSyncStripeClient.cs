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
    public IStripeClient Client => _client ??= StripeClientFactory.Create(
        options.Value,
        "Stripe__ApiKey is required for the Lead sync: a restricted key (rk_…) with write access to customers.",
        sdkRetries: false);
}
