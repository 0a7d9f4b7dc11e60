using System.Text;
using StripeSf.Salesforce.Chatter;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>The Chatter post of a notification: the owner @mentioned, then the title, summary, facts and links as text.</summary>
public static class ChatterPost
{
    /// <summary>The post on <paramref name="subjectId"/> mentioning <paramref name="ownerId"/>.</summary>
    public static FeedItemPost Build(Notification notification, string subjectId, string ownerId)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var text = new StringBuilder();
        text.Append(' ').Append(notification.Title).Append('\n').Append(notification.Summary);
        foreach (var field in notification.Fields)
        {
            text.Append('\n').Append(field.Label).Append(": ").Append(field.Value);
        }

        foreach (var link in notification.Links)
        {
            text.Append('\n').Append(link.Label).Append(": ").Append(link.Url);
        }

        return new FeedItemPost(subjectId, [FeedSegment.Mention(ownerId), FeedSegment.Plain(text.ToString())]);
    }
}
