using Microsoft.Extensions.Options;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Retry or give up for a notification: a person should hear within minutes, so the schedule is
/// short (about 45 minutes in all, <c>Notifications__MaxAttempts</c> attempts), and a 429's
/// Retry-After is honoured when it asks for longer than the next step (capped at an hour, so one
/// odd header cannot park a message for days).
/// </summary>
public sealed class NotificationRetryPolicy(IOptions<NotificationOptions> options)
{
    private static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30),
    ];

    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(1);

    /// <summary>The outcome after attempt <paramref name="attempt"/> failed with <paramref name="failure"/>.</summary>
    public ProcessingOutcome After(int attempt, NotificationDeliveryException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!failure.Transient)
        {
            return new ProcessingOutcome.DeadLetter(NotificationDeadLetterReasons.Rejected, failure.Message);
        }

        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        if (attempt >= maxAttempts)
        {
            return new ProcessingOutcome.DeadLetter(NotificationDeadLetterReasons.RetriesExhausted, $"still failing after {attempt} attempts; last error: {failure.Message}");
        }

        var step = Schedule[Math.Clamp(attempt - 1, 0, Schedule.Length - 1)];
        var delay = failure.RetryAfter is { } asked && asked > step ? (asked < LongestRetryAfter ? asked : LongestRetryAfter) : step;
        return new ProcessingOutcome.RetryLater(delay, failure.Message);
    }
}
