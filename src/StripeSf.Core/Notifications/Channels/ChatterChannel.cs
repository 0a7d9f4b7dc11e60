using StripeSf.Salesforce;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// Chatter: a post on the Account (else Opportunity) the event wrote, @mentioning its owner, so
/// Salesforce notifies them in the app and by email per their settings. Two API calls per post —
/// the owner (SOQL) and the post (Connect REST API, which the Composite resource does not take) —
/// made from the notification queue, so they never delay or risk the revenue write.
/// </summary>
/// <remarks>The Salesforce client comes from the container when a post is sent, so hosts that only
/// deliver webhooks and email (<c>stripesf notify test</c>) need no Salesforce settings.</remarks>
public sealed class ChatterChannel(IServiceProvider services) : INotificationChannel
{
    /// <inheritdoc />
    public NotificationChannelKind Kind => NotificationChannelKind.Chatter;

    /// <inheritdoc />
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var record = notification.SalesforceRecord
            ?? throw new NotificationDeliveryException($"no Salesforce record to post on for event {notification.EventId}");
        var salesforce = services.GetService(typeof(ISalesforceClient)) as ISalesforceClient
            ?? throw new NotificationDeliveryException("Chatter posts need the Salesforce settings (Salesforce__*) in this host");
        try
        {
            string? ownerId = null;
            await foreach (var row in salesforce.QueryAsync(Soql.Query($"SELECT OwnerId FROM {Soql.Identifier(record.SObject)} WHERE Id = {record.Id} LIMIT 1"), cancellationToken).ConfigureAwait(false))
            {
                ownerId = row["OwnerId"]?.GetValue<string>();
            }

            if (ownerId is not { Length: > 0 })
            {
                throw new NotificationDeliveryException($"the {record.SObject} {record.Id} is not in Salesforce (deleted or not visible to the integration user)");
            }

            await salesforce.PostFeedItemAsync(ChatterPost.Build(notification, record.Id, ownerId), cancellationToken).ConfigureAwait(false);
        }
        catch (SalesforceApiException ex)
        {
            throw new NotificationDeliveryException($"Salesforce {ex.Code}: {ex.Message}", ex.Kind == SalesforceFailureKind.Transient, null, ex);
        }
    }
}
