using System.Collections.Concurrent;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Replay;

/// <summary>
/// Processes event payloads the way the deployed queues would: routing, duplicate detection by
/// event id, the same <see cref="EventProcessor"/>, scheduled retries of transient failures (each
/// wait capped), redelivery of unexpected exceptions up to MaxDeliveryCount, several events at once.
/// </summary>
public sealed class EventReplayer(EventProcessor processor, RoutingTable routes, TimeProvider time)
{
    /// <summary>Service Bus's default MaxDeliveryCount.</summary>
    public const int MaxDeliveryCount = 10;

    /// <summary>Replays <paramref name="events"/> (source name, payload); results in input order.</summary>
    public async Task<IReadOnlyList<ReplayResult>> ReplayAsync(IReadOnlyList<(string Source, byte[] Payload)> events, ReplayOptions options, CancellationToken cancellationToken)
    {
        var results = new ReplayResult[events.Count];
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, events.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await ReplayOneAsync(events[index].Source, events[index].Payload, seen, options, token).ConfigureAwait(false))
            .ConfigureAwait(false);
        return results;
    }

    private async Task<ReplayResult> ReplayOneAsync(string source, byte[] payload, ConcurrentDictionary<string, byte> seen, ReplayOptions options, CancellationToken cancellationToken)
    {
        if (!EventEnvelopeReader.TryRead(payload, out var envelope, out var error))
        {
            return new ReplayResult(source, null, null, ReplayStates.DeadLettered, $"{DeadLetterReasons.MalformedEvent}: {error}", 0);
        }

        if (routes.QueueFor(envelope!.Type) is null)
        {
            return new ReplayResult(source, envelope.Id, envelope.Type, ReplayStates.Ignored, $"event type {envelope.Type} is not routed", 0);
        }

        if (!seen.TryAdd(envelope.Id, 0))
        {
            return new ReplayResult(source, envelope.Id, envelope.Type, ReplayStates.Duplicate, "the same event id was already replayed", 0);
        }

        var message = new InboundMessage(envelope.Id, envelope.Type, payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });
        var deliveries = 0;
        while (true)
        {
            ProcessingOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Like an abandoned message: redelivered until MaxDeliveryCount, then dead-lettered by Service Bus.
                if (++deliveries < MaxDeliveryCount)
                {
                    continue;
                }

                return Result(ReplayStates.DeadLettered, $"MaxDeliveryCountExceeded: {ex.GetType().Name}: {ex.Message}");
            }

            switch (outcome)
            {
                case ProcessingOutcome.Completed completed:
                    return Result(completed.Kind switch
                    {
                        CompletionKind.Written => ReplayStates.Written,
                        CompletionKind.SkippedStale => ReplayStates.SkippedStale,
                        _ => ReplayStates.NothingToWrite,
                    }, completed.Detail);
                case ProcessingOutcome.DeadLetter deadLetter:
                    return Result(ReplayStates.DeadLettered, $"{deadLetter.Reason}: {deadLetter.Description}");
                case ProcessingOutcome.RetryLater retry:
                    var delay = retry.Delay < options.MaxRetryDelay ? retry.Delay : options.MaxRetryDelay;
                    await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    var copy = RetryMessageFactory.CopyForRetry(message, time.GetUtcNow(), retry.CountsAsAttempt);
                    message = new InboundMessage(copy.MessageId, copy.Subject, copy.Body, copy.ApplicationProperties);
                    break;
            }
        }

        ReplayResult Result(string state, string detail) => new(source, envelope.Id, envelope.Type, state, detail, message.Attempt);
    }
}
