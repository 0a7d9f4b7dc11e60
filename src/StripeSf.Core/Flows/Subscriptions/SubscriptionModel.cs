using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Parses a subscription JSON object (e.g. the object as it was before an update) into the Stripe.net
/// model exactly as the processor parses events, so <see cref="Revenue.MrrCalculator"/> sees the same
/// shape, raw JSON included (legacy <c>discount</c> is read from it).
/// </summary>
internal static class SubscriptionModel
{
    public static Subscription Parse(JsonObject subscription)
    {
        var envelope = new JsonObject
        {
            ["id"] = "evt_model",
            ["object"] = "event",
            ["api_version"] = "2020-08-27",
            ["created"] = 0,
            ["type"] = "customer.subscription.updated",
            ["data"] = new JsonObject { ["object"] = subscription.DeepClone() },
        };
        var parsed = EventUtility.ParseEvent(envelope.ToJsonString(), throwOnApiVersionMismatch: false);
        return parsed.Data.Object as Subscription
            ?? throw new InvalidOperationException("a subscription JSON object did not parse as a subscription");
    }

    public static JsonObject ToNode(JsonElement subscription) =>
        JsonNode.Parse(subscription.GetRawText())?.AsObject()
        ?? throw new InvalidOperationException("subscription JSON is not an object");
}
