namespace StripeSf.Core.Processing;

/// <summary>How processing of one queued event ended; the queue adapter settles the message from it.</summary>
public abstract record ProcessingOutcome
{
    private protected ProcessingOutcome()
    {
    }

    /// <summary>Done: written to Salesforce, skipped as stale, or nothing to write. Complete the message.</summary>
    public sealed record Completed(CompletionKind Kind, string Detail) : ProcessingOutcome;

    /// <summary>A transient failure: complete this copy and schedule another after <paramref name="Delay"/>.</summary>
    public sealed record RetryLater(TimeSpan Delay, string Reason) : ProcessingOutcome;

    /// <summary>A permanent failure: dead-letter with a reason from <see cref="DeadLetterReasons"/> and a description a person can act on.</summary>
    public sealed record DeadLetter(string Reason, string Description) : ProcessingOutcome;
}
