namespace StripeSf.Core.Notifications;

/// <summary>
/// A channel refused or could not take a notification. <see cref="Transient"/> (429, 5xx, a timeout,
/// a refused connection) is retried; anything else is dead-lettered with the message. Messages never
/// carry a webhook URL or a credential.
/// </summary>
public sealed class NotificationDeliveryException : Exception
{
    /// <summary>A failure of delivery.</summary>
    public NotificationDeliveryException(string message, bool transient, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        Transient = transient;
        RetryAfter = retryAfter;
    }

    /// <summary>A failure of delivery (not transient).</summary>
    public NotificationDeliveryException(string message)
        : this(message, transient: false)
    {
    }

    /// <summary>A failure of delivery (not transient).</summary>
    public NotificationDeliveryException(string message, Exception inner)
        : this(message, transient: false, null, inner)
    {
    }

    /// <summary>Not a failure.</summary>
    public NotificationDeliveryException()
        : this("notification delivery failed")
    {
    }

    /// <summary>True when trying again later can succeed.</summary>
    public bool Transient { get; }

    /// <summary>How long the receiver asked us to wait (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }
}
