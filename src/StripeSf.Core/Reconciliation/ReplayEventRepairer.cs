using StripeSf.Core.Replay;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Processes events at once through the production processor (<see cref="EventReplayer"/>), for
/// <c>stripesf reconcile --repair</c>: no queue needed, and the record exists when the command ends.
/// </summary>
public sealed class ReplayEventRepairer(EventReplayer replayer, ReplayOptions options) : IMissingEventRepairer
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RepairOutcome>> RepairAsync(IReadOnlyList<StripeEventPayload> events, string runKey, CancellationToken cancellationToken)
    {
        var results = await replayer.ReplayAsync([.. events.Select(e => (e.Id, e.Payload))], options, cancellationToken).ConfigureAwait(false);
        return [.. results.Select((r, i) => new RepairOutcome(
            events[i].Id,
            r.State is ReplayStates.Written or ReplayStates.SkippedStale,
            $"processed {events[i].Id}: {r.State}{(r.State == ReplayStates.Written ? "" : $" ({r.Detail})")}"))];
    }
}
