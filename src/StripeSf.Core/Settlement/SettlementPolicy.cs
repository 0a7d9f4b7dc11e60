using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Settlement;

/// <summary>
/// The one mapping from how processing ended to what happens to the message, for every host
/// (Service Bus, <c>stripesf serve</c>'s local queue, <c>stripesf replay</c>). Pure: the same input
/// gives the same <see cref="SettlementAction"/>; hosts only carry it out.
/// </summary>
/// <remarks>
/// An unexpected exception (one the processor did not classify, i.e. a bug) is abandoned for
/// redelivery until the message's delivery count reaches <see cref="MaxDeliveryCount"/>; the last
/// delivery is dead-lettered as <see cref="DeadLetterReasons.MaxDeliveryCountExceeded"/> with the
/// exception's type and message. Service Bus would dead-letter an abandoned last delivery itself,
/// with the same reason but a generic description; settling it here puts the exception in the
/// dead-letter queue, and the broker's own rule remains the backstop (a crashed host, a lost lock).
/// </remarks>
public sealed class SettlementPolicy
{
    /// <summary>Longest dead-letter description Service Bus accepts (DeadLetterErrorDescription).</summary>
    public const int MaxDescriptionLength = 4096;

    private const string Ellipsis = "...";

    /// <summary>A policy for queues that deliver a message at most <paramref name="maxDeliveryCount"/> times.</summary>
    public SettlementPolicy(int maxDeliveryCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDeliveryCount, 1);
        MaxDeliveryCount = maxDeliveryCount;
    }

    /// <summary>A policy for queues with <paramref name="settings"/>.</summary>
    public SettlementPolicy(QueueSettings settings)
        : this(settings.MaxDeliveryCount)
    {
    }

    /// <summary>The policy for the shipped queue settings (queues.json).</summary>
    public static SettlementPolicy Default { get; } = new(QueueSettings.Default);

    /// <summary>Deliveries of a message before an unexpected exception dead-letters it.</summary>
    public int MaxDeliveryCount { get; }

    /// <summary>The action for <paramref name="message"/>, whose processing ended with <paramref name="outcome"/> at <paramref name="now"/>.</summary>
    public SettlementAction Decide(InboundMessage message, ProcessingOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        return outcome switch
        {
            ProcessingOutcome.Completed completed => new SettlementAction.Complete(completed.Kind, completed.Detail),
            ProcessingOutcome.RetryLater retry => new SettlementAction.ScheduleCopy(
                RetryMessageFactory.CopyForRetry(message, now + retry.Delay, retry.CountsAsAttempt), now + retry.Delay),
            ProcessingOutcome.DeadLetter deadLetter => new SettlementAction.DeadLetter(deadLetter.Reason, Truncate(deadLetter.Description)),
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown processing outcome"),
        };
    }

    /// <summary>The action for <paramref name="message"/>, whose processing threw <paramref name="exception"/> (see remarks).</summary>
    public SettlementAction Decide(InboundMessage message, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(exception);
        var error = $"{exception.GetType().FullName}: {exception.Message}";
        return message.DeliveryCount < MaxDeliveryCount
            ? new SettlementAction.Abandon(error)
            : new SettlementAction.DeadLetter(
                DeadLetterReasons.MaxDeliveryCountExceeded,
                Truncate($"unexpected exception on delivery {message.DeliveryCount} of {MaxDeliveryCount}: {error}"));
    }

    /// <summary><paramref name="description"/> cut to <see cref="MaxDescriptionLength"/>, keeping the start, which names the event and the error.</summary>
    public static string Truncate(string description) =>
        description.Length <= MaxDescriptionLength ? description : string.Concat(description.AsSpan(0, MaxDescriptionLength - Ellipsis.Length), Ellipsis);
}
