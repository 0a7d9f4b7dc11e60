namespace StripeSf.Core.DeadLetters;

/// <summary>Summarises peeked dead letters of one queue.</summary>
public static class DeadLetterSummarizer
{
    /// <summary>How many reasons a summary lists.</summary>
    public const int TopReasonCount = 5;

    /// <summary>The summary of <paramref name="messages"/>; <paramref name="capped"/> when peeking stopped at its limit.</summary>
    public static DeadLetterQueueSummary Summarize(string queue, IReadOnlyCollection<DeadLetteredMessageInfo> messages, bool capped)
    {
        var reasons = messages
            .GroupBy(m => string.IsNullOrWhiteSpace(m.Reason) ? "(no reason)" : m.Reason)
            .Select(g => new DeadLetterReasonCount(g.Key, g.Count(), g.Select(m => m.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .Take(TopReasonCount)
            .ToList();
        DateTimeOffset? oldest = messages.Count == 0 ? null : messages.Min(m => m.EnqueuedAt);
        return new DeadLetterQueueSummary(queue, messages.Count, capped, oldest, reasons);
    }
}
