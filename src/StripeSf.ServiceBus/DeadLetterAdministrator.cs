using Azure.Messaging.ServiceBus;
using StripeSf.Core.DeadLetters;
using StripeSf.Core.Routing;

namespace StripeSf.ServiceBus;

/// <summary>
/// Reads and replays the dead-letter sub-queues of the event-type queues. Counting is done by
/// peeking (capped), so it needs only the Data Receiver role the app already has, not Manage rights.
/// </summary>
public sealed class DeadLetterAdministrator(ServiceBusClient client, ServiceBusEventPublisher publisher, RoutingTable routes)
{
    /// <summary>Most dead letters peeked per queue for a summary.</summary>
    public const int PeekCap = 1000;

    private const int BatchSize = 100;

    /// <summary>A summary per routed queue, or for <paramref name="queue"/> only.</summary>
    public async Task<IReadOnlyList<DeadLetterQueueSummary>> SummarizeAsync(string? queue, CancellationToken cancellationToken)
    {
        var queues = queue is null ? routes.EventTypes : [RequireRouted(queue)];
        var summaries = new List<DeadLetterQueueSummary>(queues.Count);
        foreach (var name in queues)
        {
            await using var receiver = client.CreateReceiver(name, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
            var (messages, capped) = await PeekAllAsync(receiver, cancellationToken).ConfigureAwait(false);
            summaries.Add(DeadLetterSummarizer.Summarize(name, messages, capped));
        }

        return summaries;
    }

    /// <summary>Moves up to <paramref name="count"/> dead letters of <paramref name="queue"/> back onto it; returns the event ids replayed.</summary>
    public async Task<IReadOnlyList<string>> ReplayAsync(string queue, int count, CancellationToken cancellationToken)
    {
        RequireRouted(queue);
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1");
        }

        var replayed = new List<string>();
        await using var receiver = client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        while (replayed.Count < count)
        {
            var batch = await receiver.ReceiveMessagesAsync(Math.Min(BatchSize, count - replayed.Count), TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                // Send first, then complete: a crash in between leaves the dead letter in place,
                // and a second replay of it is harmless (every Salesforce write is an upsert).
                var inbound = ServiceBusMessageMapper.ToInbound(message);
                await publisher.PublishAsync(queue, DeadLetterReplayFactory.CopyForReplay(inbound), cancellationToken).ConfigureAwait(false);
                await receiver.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                replayed.Add(inbound.EventId);
            }
        }

        return replayed;
    }

    private static async Task<(List<DeadLetteredMessageInfo> Messages, bool Capped)> PeekAllAsync(ServiceBusReceiver receiver, CancellationToken cancellationToken)
    {
        var messages = new List<DeadLetteredMessageInfo>();
        long? from = null;
        while (messages.Count < PeekCap)
        {
            var batch = await receiver.PeekMessagesAsync(BatchSize, from, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return (messages, false);
            }

            foreach (var message in batch)
            {
                var inbound = ServiceBusMessageMapper.ToInbound(message);
                messages.Add(new DeadLetteredMessageInfo(message.MessageId, inbound.EventId, message.DeadLetterReason, message.DeadLetterErrorDescription, message.EnqueuedTime));
            }

            from = batch[^1].SequenceNumber + 1;
        }

        return (messages, true);
    }

    private string RequireRouted(string queue) => routes.QueueFor(queue)
        ?? throw new ArgumentException($"'{queue}' is not a routed event type; queues are named after the types in routes.json", nameof(queue));
}
