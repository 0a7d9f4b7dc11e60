using Stripe;
using StripeSf.Core.Routing;

namespace StripeSf.Core.StripeApi;

/// <summary>
/// Creates the Stripe webhook endpoint this deployment expects: exactly the routed event types, at
/// the API version Stripe.net pins, so payloads arrive in the shape the mapping is written for.
/// </summary>
public sealed class WebhookEndpointCreator(IStripeClient stripe, RoutingTable routes)
{
    /// <summary>Creates the endpoint for <paramref name="url"/>.</summary>
    public async Task<CreatedWebhookEndpoint> CreateAsync(Uri url, string? description, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"the webhook URL must be https (Stripe refuses others): {url}", nameof(url));
        }

        var endpoint = await new WebhookEndpointService(stripe).CreateAsync(
            new WebhookEndpointCreateOptions
            {
                Url = url.ToString(),
                EnabledEvents = [.. routes.EventTypes],
                ApiVersion = StripeConfiguration.ApiVersion,
                Description = description ?? "StripeSfFunctions: Stripe → Salesforce",
                Metadata = new Dictionary<string, string> { ["created_by"] = "stripesf" },
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return new CreatedWebhookEndpoint(endpoint.Id, endpoint.Url, endpoint.ApiVersion, endpoint.EnabledEvents, endpoint.Secret);
    }
}
