using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.StripeApi;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The Stripe client the reconciliation reads with, built on first use. Built lazily so that a
/// Function App without <c>Stripe__ApiKey</c> still starts and ingests webhooks (the key is optional
/// for everything else); the run itself then fails with an error naming the setting.
/// </summary>
public sealed class ReconciliationStripeClient(IOptions<StripeApiOptions> options)
{
    private IStripeClient? _client;

    /// <summary>The client; throws <see cref="InvalidOperationException"/> naming <c>Stripe__ApiKey</c> when it is not set.</summary>
    public IStripeClient Client => _client ??= StripeClientFactory.Create(
        options.Value,
        "Stripe__ApiKey is required for reconciliation: a restricted key (rk_…) with read access to charges, invoices, refunds, subscriptions and events.");
}
