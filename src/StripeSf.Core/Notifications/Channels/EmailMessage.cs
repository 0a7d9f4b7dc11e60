using System.Net;
using System.Text;
using MimeKit;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// A notification as an email: plain text and HTML alternatives, and a Message-Id derived from the
/// event, so a mail system that sees the same notification twice can tell.
/// </summary>
public static class EmailMessage
{
    /// <summary>The message for <paramref name="notification"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static MimeMessage Build(Notification notification, string from, IReadOnlyList<string> to)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(to);
        var message = new MimeMessage
        {
            Subject = $"[Stripe] {notification.Title}",
            MessageId = $"{notification.EventId}.{notification.Class.ToString().ToLowerInvariant()}@stripesf.notifications",
        };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Body = new BodyBuilder { TextBody = Text(notification), HtmlBody = Html(notification) }.ToMessageBody();
        return message;
    }

    private static string Text(Notification notification)
    {
        var text = new StringBuilder().AppendLine(notification.Summary).AppendLine();
        foreach (var field in notification.Fields)
        {
            text.Append(field.Label).Append(": ").AppendLine(field.Value);
        }

        text.AppendLine();
        foreach (var link in notification.Links)
        {
            text.Append(link.Label).Append(": ").AppendLine(link.Url);
        }

        return text.AppendLine().AppendLine(NotificationFooter.Of(notification)).ToString();
    }

    private static string Html(Notification notification)
    {
        var html = new StringBuilder()
            .Append("<h2>").Append(WebUtility.HtmlEncode(notification.Title)).Append("</h2>")
            .Append("<p>").Append(WebUtility.HtmlEncode(notification.Summary)).Append("</p><table>");
        foreach (var field in notification.Fields)
        {
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(field.Label)).Append("</th><td>").Append(WebUtility.HtmlEncode(field.Value)).Append("</td></tr>");
        }

        html.Append("</table><p>");
        foreach (var link in notification.Links)
        {
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(link.Url)).Append("\">").Append(WebUtility.HtmlEncode(link.Label)).Append("</a><br>");
        }

        return html.Append("</p><p><small>").Append(WebUtility.HtmlEncode(NotificationFooter.Of(notification))).Append("</small></p>").ToString();
    }
}
