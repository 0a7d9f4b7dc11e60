using Stripe;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Healing;

/// <summary>
/// Reads the Stripe webhook endpoints and says what keeps events from arriving the way the app
/// expects: an endpoint disabled (Stripe disables one after days of failed deliveries, and then
/// sends nothing), routed types it does not send, another API version than the one Stripe.net pins,
/// or no endpoint at all. The nightly run logs and files the findings; <c>stripesf doctor</c> prints them.
/// </summary>
public sealed class WebhookEndpointWatch(RoutingTable routes)
{
    /// <summary>The path of the app's webhook function; an endpoint whose URL contains it delivers to this app.</summary>
    public const string WebhookPath = "/api/stripe/webhook";

    private const string GapFillFix = "then run stripesf gap-fill --since <when it stopped> (or let the nightly run do it) to process what was not delivered";

    /// <summary>Lists the account's endpoints (one call, 100 per page: Stripe allows 16 per account) and judges them.</summary>
    public async Task<EndpointHealth> CheckAsync(IStripeClient stripe, CancellationToken cancellationToken)
    {
        var endpoints = await new WebhookEndpointService(stripe)
            .ListAsync(new WebhookEndpointListOptions { Limit = 100 }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Judge(endpoints.Data);
    }

    /// <summary>
    /// The endpoints whose URL contains <see cref="WebhookPath"/> are this app's; when none does (a
    /// custom domain or proxy), those sending any routed type are. Each is judged on its own.
    /// </summary>
    public EndpointHealth Judge(IReadOnlyList<WebhookEndpoint> endpoints)
    {
        var ours = endpoints.Where(e => e.Url?.Contains(WebhookPath, StringComparison.OrdinalIgnoreCase) == true).ToList();
        if (ours.Count == 0)
        {
            ours = [.. endpoints.Where(e => e.EnabledEvents?.Any(t => t == "*" || routes.EventTypes.Contains(t)) == true)];
        }

        if (ours.Count == 0)
        {
            return new EndpointHealth([], [new EndpointFinding(null, $"none of the {endpoints.Count} webhook endpoint(s) delivers to {WebhookPath} or sends a routed event type",
                $"run stripesf stripe create-endpoint --url https://<app>.azurewebsites.net{WebhookPath}?code=<function key>, {GapFillFix}")]);
        }

        var healthy = new List<string>();
        var findings = new List<EndpointFinding>();
        var delivers = false;
        foreach (var endpoint in ours)
        {
            var name = $"{endpoint.Id} ({endpoint.Url})";
            var enabled = string.Equals(endpoint.Status, "enabled", StringComparison.OrdinalIgnoreCase);
            var missing = Missing(endpoint);
            var pinned = endpoint.ApiVersion == StripeConfiguration.ApiVersion;
            if (!enabled)
            {
                findings.Add(new EndpointFinding(endpoint.Id, $"{name} is {endpoint.Status ?? "not enabled"}: Stripe sends it no events",
                    $"enable it in the Stripe Dashboard (Developers → Webhooks), {GapFillFix}"));
            }

            if (missing.Count > 0)
            {
                findings.Add(new EndpointFinding(endpoint.Id, $"{name} does not send {missing.Count} routed event type(s): {string.Join(", ", missing)}",
                    $"add them to the endpoint (or re-create it with stripesf stripe create-endpoint), {GapFillFix}"));
            }

            if (!pinned)
            {
                findings.Add(new EndpointFinding(endpoint.Id, $"{name} uses API version {endpoint.ApiVersion ?? "(account default)"}, not the pinned {StripeConfiguration.ApiVersion}",
                    "payloads of other versions are still processed, but create an endpoint at the pinned version (stripesf stripe create-endpoint) and retire this one"));
            }

            delivers |= enabled && missing.Count == 0;
            if (enabled && missing.Count == 0 && pinned)
            {
                healthy.Add(name);
            }
        }

        return new EndpointHealth(healthy, findings) { Delivers = delivers };
    }

    private List<string> Missing(WebhookEndpoint endpoint)
    {
        var enabled = endpoint.EnabledEvents ?? [];
        return enabled.Contains("*") ? [] : [.. routes.EventTypes.Where(t => !enabled.Contains(t))];
    }
}
