using Microsoft.Extensions.Options;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>Slack: the Block Kit message POSTed to <c>Notifications__Slack__WebhookUrl</c>.</summary>
public sealed class SlackChannel(IHttpClientFactory http, IOptions<NotificationOptions> options) : INotificationChannel
{
    /// <inheritdoc />
    public NotificationChannelKind Kind => NotificationChannelKind.Slack;

    /// <inheritdoc />
    public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
        WebhookPost.SendAsync(http.CreateClient(NotificationHttp.ClientName), options.Value.Slack.WebhookUrl ?? throw new NotificationDeliveryException("Notifications__Slack__WebhookUrl is not set"),
            SlackMessage.Build(notification), "Slack", cancellationToken);
}
