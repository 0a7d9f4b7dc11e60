namespace StripeSf.Core.Replay;

/// <summary>How <see cref="EventReplayer"/> runs.</summary>
public sealed record ReplayOptions
{
    /// <summary>Events processed at once (the Function App processes several messages concurrently too).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// Longest wait between attempts. The queue's schedule reaches hours; a replay from a terminal
    /// keeps the same attempt count but caps each wait.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
