using StripeSf.Core.Messaging;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Where the pipeline hands notification messages: the notification queue in Azure, in-process
/// delivery in the CLI (<c>serve</c>, <c>replay</c>, <c>reconcile --repair</c>), nowhere in <c>plan</c>.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Hands over <paramref name="messages"/>. Throws when they cannot be enqueued (the event is then retried, and duplicate detection drops what was enqueued).</summary>
    Task EnqueueAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken);
}
