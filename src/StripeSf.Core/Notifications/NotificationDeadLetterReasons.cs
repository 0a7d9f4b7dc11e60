namespace StripeSf.Core.Notifications;

/// <summary>Dead-letter reasons of the notification queue.</summary>
public static class NotificationDeadLetterReasons
{
    /// <summary>The channel refused the message (4xx other than 408/429, SMTP 5xx, a refused login, a channel not configured).</summary>
    public const string Rejected = "NotificationRejected";

    /// <summary>429s, 5xx or timeouts on every attempt.</summary>
    public const string RetriesExhausted = "NotificationRetriesExhausted";

    /// <summary>The message is not a notification.</summary>
    public const string Malformed = "MalformedNotification";
}
