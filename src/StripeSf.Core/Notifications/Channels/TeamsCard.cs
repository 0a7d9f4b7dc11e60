using System.Text.Json.Nodes;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// A notification as the payload a Teams Workflows webhook posts: a message with one Adaptive Card
/// attachment (version 1.4: title, summary, a FactSet of the figures, Action.OpenUrl links).
/// </summary>
public static class TeamsCard
{
    /// <summary>The payload for <paramref name="notification"/>.</summary>
    public static JsonObject Build(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = notification.Summary, ["wrap"] = true },
        };
        if (notification.Fields.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. notification.Fields.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = NotificationFooter.Of(notification), ["isSubtle"] = true, ["size"] = "Small", ["wrap"] = true });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
            ["actions"] = new JsonArray([.. notification.Links.Select(l => (JsonNode)new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = l.Label, ["url"] = l.Url })]),
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        };
    }
}
