namespace StripeSf.Core.Notifications;

/// <summary>One channel: the I/O seam of delivery.</summary>
public interface INotificationChannel
{
    /// <summary>Which channel this is.</summary>
    NotificationChannelKind Kind { get; }

    /// <summary>Sends <paramref name="notification"/>; throws <see cref="NotificationDeliveryException"/> when it is not taken.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
