using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Settlement;

/// <summary>
/// What to do with a received message once processing ended, decided by
/// <see cref="SettlementPolicy"/> and carried out by a host's <see cref="IMessageSettlement"/>.
/// </summary>
public abstract record SettlementAction
{
    private protected SettlementAction()
    {
    }

    /// <summary>Done (written, skipped as stale, or nothing to write): complete the message.</summary>
    public sealed record Complete(CompletionKind Kind, string Detail) : SettlementAction;

    /// <summary>
    /// Retry later: enqueue <paramref name="Copy"/> (a new MessageId, see <see cref="RetryMessageFactory"/>)
    /// for <paramref name="At"/>, then complete the message — in that order, so a failure between the
    /// two redelivers the original, whose second copy duplicate detection drops.
    /// </summary>
    public sealed record ScheduleCopy(OutboundMessage Copy, DateTimeOffset At) : SettlementAction;

    /// <summary>Give up: dead-letter with <paramref name="Reason"/> and <paramref name="Description"/> (at most <see cref="SettlementPolicy.MaxDescriptionLength"/> characters).</summary>
    public sealed record DeadLetter(string Reason, string Description) : SettlementAction;

    /// <summary>
    /// An unexpected exception before the last delivery: abandon the message so the queue redelivers
    /// it (its delivery count goes up by one). <paramref name="Error"/> is the exception's type and message.
    /// </summary>
    public sealed record Abandon(string Error) : SettlementAction;
}
