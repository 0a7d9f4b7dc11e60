using Microsoft.Extensions.Options;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Which channels hear of a notification: the configured rules, or — when none is configured —
/// <see cref="NotificationOptions.DefaultClasses"/> for every configured channel. A rule naming a
/// channel that is not configured matches nothing for it.
/// </summary>
public sealed class NotificationRules(IOptions<NotificationOptions> options)
{
    /// <summary>The rules in force.</summary>
    public IReadOnlyList<NotificationRule> Effective
    {
        get
        {
            var value = options.Value;
            return value.Rules.Count > 0
                ? value.Rules
                : [.. NotificationOptions.DefaultClasses.Select(c => new NotificationRule { Event = c })];
        }
    }

    /// <summary>True when any channel is configured: otherwise nothing is composed at all.</summary>
    public bool AnyChannel => options.Value.ConfiguredChannels.Count > 0;

    /// <summary>The channels <paramref name="notification"/> goes to, each once, in channel order.</summary>
    public IReadOnlyList<NotificationChannelKind> ChannelsFor(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var configured = options.Value.ConfiguredChannels;
        return [.. Effective
            .Where(rule => Matches(rule, notification))
            .SelectMany(rule => rule.Channels.Count == 0 ? configured : rule.Channels.Where(configured.Contains))
            // A Chatter post needs a record to post on (dead letters and reconciliation have none).
            .Where(kind => kind != NotificationChannelKind.Chatter || notification.SalesforceRecord is not null)
            .Distinct()
            .Order()];
    }

    /// <summary>True when <paramref name="notification"/> passes <paramref name="rule"/>'s class and filters.</summary>
    public static bool Matches(NotificationRule rule, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(notification);
        if (rule.Event != notification.Class || (rule.LiveModeOnly && !notification.Livemode))
        {
            return false;
        }

        if (rule.MinimumAmount is { } minimum && (notification.Amount is not { } amount || amount < minimum))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(rule.Plan) || notification.Plans.Contains(rule.Plan.Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
