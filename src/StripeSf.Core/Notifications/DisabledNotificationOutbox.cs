using StripeSf.Core.Messaging;

namespace StripeSf.Core.Notifications;

/// <summary><c>stripesf plan</c>: a dry run tells nobody.</summary>
public sealed class DisabledNotificationOutbox : INotificationOutbox
{
    /// <inheritdoc />
    public Task EnqueueAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken) => Task.CompletedTask;
}
