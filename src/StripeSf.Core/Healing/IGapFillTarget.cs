using StripeSf.Core.Reconciliation;

namespace StripeSf.Core.Healing;

/// <summary>Where gap-filled events go: their Service Bus queues (the nightly run) or the processor in-process (the CLI without Service Bus).</summary>
public interface IGapFillTarget
{
    /// <summary>Sends <paramref name="events"/> (oldest first); one outcome per event, in input order.</summary>
    Task<IReadOnlyList<GapFillOutcome>> SendAsync(IReadOnlyList<StripeEventPayload> events, CancellationToken cancellationToken);
}
