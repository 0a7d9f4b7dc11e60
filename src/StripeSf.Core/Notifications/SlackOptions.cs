namespace StripeSf.Core.Notifications;

/// <summary>Slack: <c>Notifications__Slack__WebhookUrl</c> (a secret: Key Vault in Azure, never logged).</summary>
public sealed class SlackOptions
{
    /// <summary>The incoming webhook URL (https://hooks.slack.com/services/…).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>True when a webhook URL is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(WebhookUrl);
}
