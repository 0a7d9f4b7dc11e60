using System.Collections.Concurrent;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Replay;

/// <summary>
/// Processes event payloads the way the deployed queues would: routing, duplicate detection by
/// event id, and each delivery through the same <see cref="SettlementExecutor"/> (processor and
/// settlement policy) as the Service Bus functions — scheduled retries of transient failures (each
/// wait capped), redelivery of unexpected exceptions up to the queues' MaxDeliveryCount, then a
/// dead letter — several events at once.
/// </summary>
public sealed class EventReplayer(SettlementExecutor executor, RoutingTable routes, TimeProvider time)
{
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
        while (true)
        {
            var settlement = new InProcessSettlement(message, options.MaxRetryDelay, time);
            var result = await executor.ProcessAndSettleAsync(message, settlement, cancellationToken).ConfigureAwait(false);
            switch (result.Action)
            {
                case SettlementAction.Complete completed:
                    return Result(completed.Kind switch
                    {
                        CompletionKind.Written => ReplayStates.Written,
                        CompletionKind.SkippedStale => ReplayStates.SkippedStale,
                        _ => ReplayStates.NothingToWrite,
                    }, completed.Detail);
                case SettlementAction.DeadLetter deadLetter:
                    return Result(ReplayStates.DeadLettered, $"{deadLetter.Reason}: {deadLetter.Description}");
            }

            // Abandoned (the same message again) or a retry (the scheduled copy, after the capped wait).
            message = settlement.Next ?? throw new InvalidOperationException($"settlement {result.Action} left nothing to deliver");
        }

        ReplayResult Result(string state, string detail) => new(source, envelope.Id, envelope.Type, state, detail, message.Attempt);
    }
}
