namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// Fault injection knobs; change them at any time during a test. Rates are probabilities 0–1 drawn
/// from the server's seeded <see cref="Random"/>, so a run is repeatable.
/// </summary>
public sealed class LoopbackFaults
{
    /// <summary>Share of data calls answered 503 SERVER_UNAVAILABLE.</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>Share of record writes refused with UNABLE_TO_LOCK_ROW (top-level 400 on single calls, per record in collections and composite).</summary>
    public double UnableToLockRowRate { get; set; }

    /// <summary>Share of data calls answered 403 REQUEST_LIMIT_EXCEEDED.</summary>
    public double RequestLimitExceededRate { get; set; }

    /// <summary>Share of data calls whose token is revoked on the spot (401 INVALID_SESSION_ID).</summary>
    public double ExpiredTokenRate { get; set; }

    /// <summary>Share of calls delayed by <see cref="SlowResponseDelay"/>.</summary>
    public double SlowResponseRate { get; set; }

    /// <summary>How long a slow response waits.</summary>
    public TimeSpan SlowResponseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>While true every write (POST, PATCH, PUT, DELETE) answers 503, as during a Salesforce maintenance window.</summary>
    public bool MaintenanceWindow { get; set; }

    /// <summary>Turns every fault off.</summary>
    public void Clear()
    {
        ServiceUnavailableRate = 0;
        UnableToLockRowRate = 0;
        RequestLimitExceededRate = 0;
        ExpiredTokenRate = 0;
        SlowResponseRate = 0;
        MaintenanceWindow = false;
    }
}
