namespace StripeSf.Core.DeadLetters;

/// <summary>The dead-letter sub-queue of one event-type queue: count, oldest, top reasons.</summary>
public sealed record DeadLetterQueueSummary(
    string Queue,
    int Count,
    bool CountIsCapped,
    DateTimeOffset? OldestEnqueuedAt,
    IReadOnlyList<DeadLetterReasonCount> TopReasons);
