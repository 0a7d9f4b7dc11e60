namespace StripeSf.Core.StripeApi;

/// <summary>Access to the Stripe API (<c>Stripe__ApiKey</c>): a restricted key with the permissions the commands need.</summary>
public sealed class StripeApiOptions
{
    /// <summary>Configuration section (shared with the webhook settings).</summary>
    public const string SectionName = "Stripe";

    /// <summary>Restricted (rk_…) or secret (sk_…) key; from Key Vault in Azure.</summary>
    public string? ApiKey { get; set; }

    /// <summary>API base URL; only for pointing at a stand-in in tests.</summary>
    public string? ApiBase { get; set; }
}
