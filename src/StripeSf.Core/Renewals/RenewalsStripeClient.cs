using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.StripeApi;

namespace StripeSf.Core.Renewals;

/// <summary>
/// The Stripe client the renewal sweep lists subscriptions with, built on first use: a Function App
/// without <c>Stripe__ApiKey</c> still starts and ingests webhooks; the sweep then fails naming the setting.
/// </summary>
public sealed class RenewalsStripeClient(IOptions<StripeApiOptions> options)
{
    private IStripeClient? _client;

    /// <summary>The client; throws <see cref="InvalidOperationException"/> naming <c>Stripe__ApiKey</c> when it is not set.</summary>
    public IStripeClient Client => _client ??= StripeClientFactory.Create(
        options.Value,
        "Stripe__ApiKey is required for the renewal sweep: a restricted key (rk_…) with read access to subscriptions.");
}
