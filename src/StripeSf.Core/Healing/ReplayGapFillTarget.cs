using StripeSf.Core.Reconciliation;
using StripeSf.Core.Replay;

namespace StripeSf.Core.Healing;

/// <summary>
/// Processes the events at once through the production processor and settlement
/// (<see cref="EventReplayer"/>, as <c>stripesf replay</c> does), for <c>stripesf gap-fill</c>
/// without Service Bus settings: the records exist when the command ends.
/// </summary>
public sealed class ReplayGapFillTarget(EventReplayer replayer, ReplayOptions options) : IGapFillTarget
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<GapFillOutcome>> SendAsync(IReadOnlyList<StripeEventPayload> events, CancellationToken cancellationToken)
    {
        var results = await replayer.ReplayAsync([.. events.Select(e => (e.Id, e.Payload))], options, cancellationToken).ConfigureAwait(false);
        return [.. results.Select((r, i) => new GapFillOutcome(events[i].Id, events[i].Type, r.State, r.Detail, r.State == ReplayStates.DeadLettered))];
    }
}
