namespace StripeSf.Core.Notifications;

/// <summary>
/// <c>Notifications__*</c>: the channels and the rules. A channel with only its URL or host set gets
/// <see cref="DefaultClasses"/>; once any rule is configured, only the rules apply.
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Notifications";

    /// <summary>What a configured channel is told about when no rule is configured.</summary>
    public static IReadOnlyList<NotificationClass> DefaultClasses { get; } =
        [NotificationClass.PaymentFailed, NotificationClass.DisputeOpened, NotificationClass.Cancellation, NotificationClass.Expansion];

    /// <summary>Slack.</summary>
    public SlackOptions Slack { get; set; } = new();

    /// <summary>Microsoft Teams.</summary>
    public TeamsOptions Teams { get; set; } = new();

    /// <summary>Email.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Chatter.</summary>
    public ChatterOptions Chatter { get; set; } = new();

    /// <summary>The rules; empty: the defaults for every configured channel.</summary>
    public List<NotificationRule> Rules { get; set; } = [];

    /// <summary>
    /// The org's Lightning base URL (https://acme.lightning.force.com) for links to the Account; none:
    /// messages carry the Stripe link only.
    /// </summary>
    public string? SalesforceUrl { get; set; }

    /// <summary>Delivery attempts per message before it is dead-lettered (429 and 5xx are retried).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Longest wait between attempts where notifications are delivered in-process (the CLI), in seconds.</summary>
    public int LocalMaxRetryDelaySeconds { get; set; } = 30;

    /// <summary>True when a channel of <paramref name="kind"/> is configured.</summary>
    public bool IsConfigured(NotificationChannelKind kind) => kind switch
    {
        NotificationChannelKind.Slack => Slack.IsConfigured,
        NotificationChannelKind.Teams => Teams.IsConfigured,
        NotificationChannelKind.Email => Email.IsConfigured,
        NotificationChannelKind.Chatter => Chatter.IsConfigured,
        _ => false,
    };

    /// <summary>The configured channels.</summary>
    public IReadOnlyList<NotificationChannelKind> ConfiguredChannels =>
        [.. Enum.GetValues<NotificationChannelKind>().Where(IsConfigured)];
}
