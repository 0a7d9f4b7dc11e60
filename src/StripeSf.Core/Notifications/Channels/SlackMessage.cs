using System.Text.Json.Nodes;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// A notification as a Slack incoming-webhook payload: Block Kit blocks (header, summary, fields,
/// link buttons, context) and <c>text</c> as the fallback for notifications and old clients.
/// </summary>
public static class SlackMessage
{
    // Block Kit limits: header text 150 characters, section fields 10, a field 2000 characters.
    private const int HeaderLength = 150;
    private const int MaxFields = 10;

    /// <summary>The payload for <paramref name="notification"/>.</summary>
    public static JsonObject Build(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText(Cut(notification.Title, HeaderLength)) },
            new JsonObject { ["type"] = "section", ["text"] = Markdown(Escape(notification.Summary)) },
        };
        if (notification.Fields.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray([.. notification.Fields.Take(MaxFields).Select(f => (JsonNode)Markdown($"*{Escape(f.Label)}*\n{Escape(f.Value)}"))]),
            });
        }

        if (notification.Links.Count > 0)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray([.. notification.Links.Take(5).Select(l => (JsonNode)new JsonObject { ["type"] = "button", ["text"] = PlainText(l.Label), ["url"] = l.Url })]),
            });
        }

        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Markdown(Escape(NotificationFooter.Of(notification)))) });
        return new JsonObject { ["text"] = notification.Title, ["blocks"] = blocks };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    // Slack's mrkdwn needs only these three escaped (api.slack.com, "Escaping text").
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
