namespace StripeSf.Core.Processing;

/// <summary>
/// The one place that decides "retry later, or give up" for transient failures. Backoff runs by
/// scheduling a copy of the message, not by redelivery, so it can span hours (a Salesforce
/// maintenance window is typically up to 6 hours) without burning the queue's MaxDeliveryCount.
/// </summary>
public sealed class RetryPolicy
{
    // Short first steps absorb lock contention and brief 503s; the long tail outlasts a
    // maintenance window or an exhausted daily API allowance (rolling 24 h). Total ≈ 27 h.
    private static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(4),
        TimeSpan.FromHours(8),
        TimeSpan.FromHours(12),
    ];

    private readonly Random _jitter;

    /// <summary>A policy with the given jitter source (seed it in tests).</summary>
    public RetryPolicy(Random? jitter = null) => _jitter = jitter ?? Random.Shared;

    /// <summary>The most attempts an event gets (the first delivery plus one per schedule step).</summary>
    public static int MaxAttempts => Schedule.Length + 1;

    /// <summary>The outcome after attempt <paramref name="attempt"/> failed transiently.</summary>
    public ProcessingOutcome AfterTransientFailure(int attempt, string reason)
    {
        if (attempt >= MaxAttempts)
        {
            return new ProcessingOutcome.DeadLetter(
                DeadLetterReasons.RetriesExhausted,
                $"still failing after {attempt} attempts over about {TotalBackoff.TotalHours:0} hours; last error: {reason}");
        }

        var step = Schedule[Math.Clamp(attempt - 1, 0, Schedule.Length - 1)];

        // ±20 % jitter spreads the retries of a burst that failed together (one outage, many events).
        var factor = 0.8 + (_jitter.NextDouble() * 0.4);
        return new ProcessingOutcome.RetryLater(TimeSpan.FromSeconds(Math.Round(step.TotalSeconds * factor)), reason);
    }

    /// <summary>The whole schedule, without jitter.</summary>
    public static TimeSpan TotalBackoff => Schedule.Aggregate(TimeSpan.Zero, (sum, step) => sum + step);
}
