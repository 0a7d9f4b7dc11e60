namespace StripeSf.Core.Leads;

/// <summary>What a failed Stripe call means for the Lead being synced.</summary>
public enum StripeCallVerdict
{
    /// <summary>Try the same call again (same idempotency key) after the delay.</summary>
    Retry,

    /// <summary>Stripe refused the Lead's data (a permanent 4xx): that Lead's error, the run goes on.</summary>
    Refuse,

    /// <summary>Stripe could not answer now (still failing after the retries): the Lead waits for the next run.</summary>
    Defer,

    /// <summary>The key or its permissions are wrong (401, 403): no Lead can sync, the run fails.</summary>
    Fail,
}
