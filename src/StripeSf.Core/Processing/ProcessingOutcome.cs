namespace StripeSf.Core.Processing;

/// <summary>How processing of one queued event ended; the queue adapter settles the message from it.</summary>
public abstract record ProcessingOutcome
{
    private protected ProcessingOutcome()
    {
    }

    /// <summary>Done: written to Salesforce, skipped as stale, or nothing to write. Complete the message.</summary>
    public sealed record Completed(CompletionKind Kind, string Detail) : ProcessingOutcome;

    /// <summary>
    /// Not now: complete this copy and schedule another after <paramref name="Delay"/>. A deferral
    /// for API budget is not a failed attempt (<paramref name="CountsAsAttempt"/> false), so it does
    /// not shorten the event's retry budget.
    /// </summary>
    public sealed record RetryLater(TimeSpan Delay, string Reason, bool CountsAsAttempt = true) : ProcessingOutcome;

    /// <summary>A permanent failure: dead-letter with a reason from <see cref="DeadLetterReasons"/> and a description a person can act on.</summary>
    public sealed record DeadLetter(string Reason, string Description) : ProcessingOutcome;
}
