namespace StripeSf.Salesforce.Configuration;

/// <summary>
/// How to reach one Salesforce org. App settings use <c>Salesforce__&lt;Property&gt;</c>.
/// JWT bearer needs <see cref="Username"/> and <see cref="PrivateKey"/>; client credentials needs
/// <see cref="ClientSecret"/>. When both are set, JWT bearer wins (no shared secret on the wire).
/// </summary>
public sealed class SalesforceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Salesforce";

    /// <summary>Where tokens are minted: login.salesforce.com, test.salesforce.com or the org's My Domain URL.</summary>
    public string LoginUrl { get; set; } = "https://login.salesforce.com";

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret (client-credentials flow).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The integration user's username (JWT bearer flow).</summary>
    public string? Username { get; set; }

    /// <summary>The RSA private key in PEM form (JWT bearer flow). Comes from Key Vault, never from a file in the repo.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The REST API version without the leading v, for example <c>68.0</c>.</summary>
    public string ApiVersion { get; set; } = "68.0";

    /// <summary>Share of the daily API allowance (percent) above which non-urgent work is deferred.</summary>
    public int LimitThresholdPercent { get; set; } = 90;

    /// <summary>True when enough is set to try to authenticate with either flow.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && (UsesJwtBearer || !string.IsNullOrWhiteSpace(ClientSecret));

    /// <summary>True when the JWT bearer flow is used (username and private key set).</summary>
    public bool UsesJwtBearer => !string.IsNullOrWhiteSpace(Username) && !string.IsNullOrWhiteSpace(PrivateKey);
}
