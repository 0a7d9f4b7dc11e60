using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using StripeSf.Core.Messaging;

namespace StripeSf.ServiceBus;

/// <summary>Publishes to the event-type queues with one cached <see cref="ServiceBusSender"/> per queue (senders are meant to live long).</summary>
public sealed class ServiceBusEventPublisher(ServiceBusClient client) : IEventPublisher, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<PublishResult> PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken)
    {
        var sender = _senders.GetOrAdd(queue, client.CreateSender);
        await sender.SendMessageAsync(ServiceBusMessageMapper.ToServiceBusMessage(message), cancellationToken).ConfigureAwait(false);

        // Service Bus drops a duplicate MessageId silently, so a send cannot tell "duplicate" apart.
        return PublishResult.Enqueued;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders.Values)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
        }
    }
}
