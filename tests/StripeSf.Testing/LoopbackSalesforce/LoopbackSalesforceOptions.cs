namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>How the loopback org behaves. Defaults suit most tests.</summary>
public sealed class LoopbackSalesforceOptions
{
    /// <summary>Seed of the random source behind fault rates, so a run is repeatable.</summary>
    public int Seed { get; set; } = 20261122;

    /// <summary>Records per SOQL page (Salesforce's default batch is 2000).</summary>
    public int QueryPageSize { get; set; } = 2000;

    /// <summary>The org's daily API allowance reported by Sforce-Limit-Info and /limits.</summary>
    public long DailyApiMax { get; set; } = 100_000;

    /// <summary>API requests already spent when the server starts.</summary>
    public long InitialApiUsage { get; set; }

    /// <summary>The newest API version the org lists at /services/data/.</summary>
    public string LatestApiVersion { get; set; } = "68.0";

    /// <summary>Expected connected-app consumer key; null accepts any.</summary>
    public string? ClientId { get; set; }

    /// <summary>Expected consumer secret for client credentials; null accepts any.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>PEM public key that must verify JWT bearer assertions; null skips the signature check.</summary>
    public string? JwtPublicKeyPem { get; set; }

    /// <summary>When true, writes naming a field the object does not declare fail with INVALID_FIELD.</summary>
    public bool StrictFields { get; set; }

    /// <summary>How many status polls a Bulk ingest job answers InProgress before JobComplete.</summary>
    public int BulkPollsUntilComplete { get; set; } = 2;

    /// <summary>The objects the org has; add or replace entries to model an org's own fields.</summary>
    public Dictionary<string, LoopbackObject> Objects { get; } = LoopbackSchema.Default();
}
