namespace StripeSf.Core.ClaimCheck;

/// <summary>Where oversized payloads go (<c>ClaimCheck__*</c> settings).</summary>
public sealed class ClaimCheckOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ClaimCheck";

    /// <summary>Blob service URI for identity-based access (production), e.g. https://acct.blob.core.windows.net.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Storage connection string for local use (e.g. <c>UseDevelopmentStorage=true</c> for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob container for payloads.</summary>
    public string ContainerName { get; set; } = "stripe-payloads";

    /// <summary>True when a blob store is configured; otherwise payloads are kept in memory (local host only).</summary>
    public bool IsConfigured => BlobServiceUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
