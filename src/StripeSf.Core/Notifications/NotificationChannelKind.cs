namespace StripeSf.Core.Notifications;

/// <summary>Where a notification goes. Its lower-case name is the last part of the notification's message id.</summary>
public enum NotificationChannelKind
{
    /// <summary>A Slack incoming webhook (Block Kit).</summary>
    Slack,
    /// <summary>A Microsoft Teams Workflows webhook (Adaptive Card).</summary>
    Teams,
    /// <summary>Email over SMTP (MailKit).</summary>
    Email,

    /// <summary>A Chatter post on the Account or Opportunity the event wrote, @mentioning its owner.</summary>
    Chatter,
}
