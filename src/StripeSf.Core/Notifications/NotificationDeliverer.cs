using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Delivers one notification message to its channel and says how that ended: sent (complete), to be
/// retried (<see cref="NotificationRetryPolicy"/>), or given up (dead letter with the reason). The
/// host settles the message from that through the shared settlement policy.
/// </summary>
public sealed class NotificationDeliverer(
    IEnumerable<INotificationChannel> channels, NotificationRetryPolicy retry, IOptions<NotificationOptions> options, ILogger<NotificationDeliverer> logger)
{
    /// <summary>Delivers <paramref name="message"/>.</summary>
    public async Task<ProcessingOutcome> DeliverAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!NotificationMessages.TryRead(message, out var notification, out var kind, out var error))
        {
            return new ProcessingOutcome.DeadLetter(NotificationDeadLetterReasons.Malformed, error!);
        }

        var channel = channels.FirstOrDefault(c => c.Kind == kind);
        if (channel is null || !options.Value.IsConfigured(kind))
        {
            return new ProcessingOutcome.DeadLetter(NotificationDeadLetterReasons.Rejected,
                $"event {notification!.EventId}: the {kind} channel is not configured in this deployment (Notifications__{kind}__*)");
        }

        try
        {
            await channel.SendAsync(notification!, cancellationToken).ConfigureAwait(false);
        }
        catch (NotificationDeliveryException ex)
        {
            NotificationLog.NotTaken(logger, notification!.EventId, kind.ToString(), message.Attempt, ex.Transient, ex.Message);
            return retry.After(message.Attempt, ex) switch
            {
                ProcessingOutcome.DeadLetter dead => dead with { Description = $"event {notification.EventId} ({notification.Class}) to {kind}: {dead.Description}" },
                var other => other,
            };
        }

        NotificationLog.Sent(logger, notification!.EventId, notification.Class.ToString(), kind.ToString(), message.Attempt);
        return new ProcessingOutcome.Completed(CompletionKind.Written, $"{notification.Class} sent to {kind}");
    }
}
