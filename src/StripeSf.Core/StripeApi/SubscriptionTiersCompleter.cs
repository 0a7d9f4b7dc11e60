using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Stripe;
using StripeSf.Core.Facts;
using StripeSf.Core.Processing;

namespace StripeSf.Core.StripeApi;

/// <summary>
/// Webhook payloads never expand a price's <c>tiers</c>, and MRR of a tiered price cannot be computed
/// without them. For such subscriptions the object is fetched from the Stripe API (at the version
/// Stripe.net pins, tiers expanded) and the event is processed with it. Without <c>Stripe__ApiKey</c>
/// the event is processed from the payload and its MRR is marked approximate.
/// </summary>
public sealed class SubscriptionTiersCompleter(ILogger<SubscriptionTiersCompleter> logger, IStripeClient? stripe = null)
{
    /// <summary>True when the event's subscription has a tiered price whose tiers are not in the payload.</summary>
    public static bool NeedsTiers(StripeEventContext context)
    {
        var data = new StripeJson(context.DataObject, "data.object");
        return data.String("object") == "subscription" && data.List("items").Any(item => PriceFacts.Of(item) is { LacksTiers: true });
    }

    /// <summary>The context with the subscription fetched from Stripe when it needs tiers; otherwise unchanged.</summary>
    public async Task<StripeEventContext> CompleteAsync(StripeEventContext context, CancellationToken cancellationToken)
    {
        if (!NeedsTiers(context))
        {
            return context;
        }

        var id = new StripeJson(context.DataObject, "subscription").RequiredId("id");
        if (stripe is null)
        {
            Log.TiersUnavailable(logger, context.EventId, id);
            return context;
        }

        JsonNode? fetched;
        try
        {
            await using var stream = await stripe.RequestStreamingAsync(HttpMethod.Get, $"/v1/subscriptions/{Uri.EscapeDataString(id)}",
                new SubscriptionGetOptions { Expand = ["items.data.price.tiers"] }, null, cancellationToken).ConfigureAwait(false);
            fetched = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // A subscription deleted for good: the payload is all there is.
            Log.TiersUnavailable(logger, context.EventId, id);
            return context;
        }

        var raw = JsonNode.Parse(context.Raw.GetRawText())!;
        raw["data"]!["object"] = fetched;
        return StripeEventParser.TryParse(Encoding.UTF8.GetBytes(raw.ToJsonString()), context.Attempt, out var completed, out _)
            ? completed!
            : context;
    }
}
