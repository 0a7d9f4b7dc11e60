using Microsoft.Extensions.Options;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>Microsoft Teams: the Adaptive Card message POSTed to <c>Notifications__Teams__WebhookUrl</c>.</summary>
public sealed class TeamsChannel(IHttpClientFactory http, IOptions<NotificationOptions> options) : INotificationChannel
{
    /// <inheritdoc />
    public NotificationChannelKind Kind => NotificationChannelKind.Teams;

    /// <inheritdoc />
    public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
        WebhookPost.SendAsync(http.CreateClient(NotificationHttp.ClientName), options.Value.Teams.WebhookUrl ?? throw new NotificationDeliveryException("Notifications__Teams__WebhookUrl is not set"),
            TeamsCard.Build(notification), "Teams", cancellationToken);
}
