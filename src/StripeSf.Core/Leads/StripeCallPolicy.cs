namespace StripeSf.Core.Leads;

/// <summary>
/// The one place that decides what a failed Stripe call of the Lead sync means. Stripe.net's own
/// retries are off for this client, so every retry is decided here, with the same idempotency key.
/// </summary>
public sealed class StripeCallPolicy(int maxAttempts, TimeSpan baseDelay)
{
    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Decides after attempt <paramref name="attempt"/> (1-based) failed with HTTP <paramref name="status"/>
    /// (null: no answer — a network error or timeout) and the <c>Stripe-Should-Retry</c> header
    /// <paramref name="shouldRetry"/>.
    /// </summary>
    public StripeCallDecision Decide(int? status, string? shouldRetry, string message, int attempt)
    {
        // A bad or under-privileged key fails every Lead alike: the run fails, naming the fix.
        if (status is 401 or 403)
        {
            return new StripeCallDecision(StripeCallVerdict.Fail, TimeSpan.Zero,
                $"Stripe answered {status}: {message}. Stripe__ApiKey needs write access to customers (restricted key: Customers → Write).");
        }

        var transient = status is null or 409 or 429 or >= 500;
        var rateLimited = status == 429;
        var again = attempt < maxAttempts;

        // Stripe knows best whether a retry can help (lock timeouts: yes; a replayed result: no); defer to it.
        if (string.Equals(shouldRetry, "false", StringComparison.OrdinalIgnoreCase))
        {
            return transient
                ? new StripeCallDecision(StripeCallVerdict.Defer, TimeSpan.Zero, Reason(status, message), rateLimited)
                : new StripeCallDecision(StripeCallVerdict.Refuse, TimeSpan.Zero, Reason(status, message));
        }

        if (transient || string.Equals(shouldRetry, "true", StringComparison.OrdinalIgnoreCase))
        {
            return again
                ? new StripeCallDecision(StripeCallVerdict.Retry, Backoff(attempt), Reason(status, message))
                // Still rate limited after backing off: stop the run instead of hammering; the next run resumes.
                : new StripeCallDecision(StripeCallVerdict.Defer, TimeSpan.Zero, Reason(status, message), rateLimited);
        }

        return new StripeCallDecision(StripeCallVerdict.Refuse, TimeSpan.Zero, Reason(status, message));
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = baseDelay * Math.Pow(2, Math.Min(attempt - 1, 10));
        return delay > MaxDelay ? MaxDelay : delay;
    }

    private static string Reason(int? status, string message) =>
        status is null ? $"Stripe did not answer: {message}" : $"Stripe {status}: {message}";
}
