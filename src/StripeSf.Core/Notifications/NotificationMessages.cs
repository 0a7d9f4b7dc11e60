using System.Text.Json;
using System.Text.Json.Serialization;
using StripeSf.Core.Messaging;

namespace StripeSf.Core.Notifications;

/// <summary>
/// The notification queue's messages. The message id is <c>&lt;event id&gt;:&lt;channel&gt;</c>: a redelivered
/// event enqueues the same id again, which the queue's duplicate detection drops, so a channel hears
/// of an event once.
/// </summary>
public static class NotificationMessages
{
    /// <summary>The message subject.</summary>
    public const string Subject = "notification";

    /// <summary>The application property naming the channel.</summary>
    public const string ChannelProperty = "NotificationChannel";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The idempotency key of <paramref name="eventId"/> on <paramref name="channel"/>.</summary>
    public static string IdOf(string eventId, NotificationChannelKind channel) => $"{eventId}:{channel.ToString().ToLowerInvariant()}";

    /// <summary>The message that tells <paramref name="channel"/> about <paramref name="notification"/>.</summary>
    public static OutboundMessage For(Notification notification, NotificationChannelKind channel)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new OutboundMessage(
            IdOf(notification.EventId, channel),
            Subject,
            JsonSerializer.SerializeToUtf8Bytes(notification, Json),
            new Dictionary<string, object> { [MessageProperties.Attempt] = 1, [ChannelProperty] = channel.ToString() });
    }

    /// <summary>Reads a received notification message; false (with the reason) when it is not one.</summary>
    public static bool TryRead(InboundMessage message, out Notification? notification, out NotificationChannelKind channel, out string? error)
    {
        ArgumentNullException.ThrowIfNull(message);
        notification = null;
        channel = default;
        if (!message.ApplicationProperties.TryGetValue(ChannelProperty, out var name) || !Enum.TryParse(Convert.ToString(name, System.Globalization.CultureInfo.InvariantCulture), ignoreCase: true, out channel))
        {
            error = $"message {message.MessageId} names no notification channel ({ChannelProperty})";
            return false;
        }

        try
        {
            notification = JsonSerializer.Deserialize<Notification>(message.Body.Span, Json);
        }
        catch (JsonException ex)
        {
            error = $"message {message.MessageId} is not a notification: {ex.Message}";
            return false;
        }

        error = notification is null ? $"message {message.MessageId} is empty" : null;
        return notification is not null;
    }
}
