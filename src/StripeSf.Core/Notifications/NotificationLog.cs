using Microsoft.Extensions.Logging;

namespace StripeSf.Core.Notifications;

/// <summary>Structured log messages of notifications: the Stripe event id on every line, never a webhook URL or a credential.</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(4101, LogLevel.Information, "Stripe event {EventId}: {NotificationClass} notification sent to {Channel} (attempt {Attempt})")]
    public static partial void Sent(ILogger logger, string eventId, string notificationClass, string channel, int attempt);

    [LoggerMessage(4102, LogLevel.Warning, "Stripe event {EventId}: {Channel} did not take the notification on attempt {Attempt} ({Transient}): {Error}")]
    public static partial void NotTaken(ILogger logger, string eventId, string channel, int attempt, bool transient, string error);

    [LoggerMessage(4103, LogLevel.Information, "Stripe event {EventId}: {NotificationClass} notification queued for {Channels}")]
    public static partial void Queued(ILogger logger, string eventId, string notificationClass, string channels);

    [LoggerMessage(4104, LogLevel.Error, "Stripe event {EventId}: the notification could not be composed or handed over; the Salesforce write stands")]
    public static partial void NotComposed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(4105, LogLevel.Information, "Stripe event {EventId}: notification {MessageId} already handed over; not sent again")]
    public static partial void Duplicate(ILogger logger, string eventId, string messageId);
}
