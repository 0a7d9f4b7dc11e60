namespace StripeSf.Core.Notifications;

/// <summary>Microsoft Teams: <c>Notifications__Teams__WebhookUrl</c> (a secret: Key Vault in Azure, never logged).</summary>
public sealed class TeamsOptions
{
    /// <summary>The Workflows webhook URL ("When a Teams webhook request is received").</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>True when a webhook URL is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
