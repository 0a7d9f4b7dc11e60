using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StripeSf.Core.Notifications;
using StripeSf.Core.Notifications.Channels;

namespace StripeSf.Core.DependencyInjection;

/// <summary>Registrations of notifications (called by the Core processing registration).</summary>
public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// <c>Notifications__*</c>, the composer and rules, the channels, delivery with its retry policy and,
    /// unless a host registered another outbox (the Functions app: the notification queue; <c>plan</c>:
    /// none), in-process delivery.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddMessageSettlement();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName);
        services.AddOptions<Mapping.SalesforceMappingOptions>().BindConfiguration(Mapping.SalesforceMappingOptions.SectionName);

        // No request logging: the request line would carry the webhook URL, which is the secret.
        services.AddHttpClient(NotificationHttp.ClientName, http => http.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, SlackChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, TeamsChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, EmailChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, ChatterChannel>());
        services.TryAddSingleton<NotificationComposer>();
        services.TryAddSingleton<NotificationRules>();
        services.TryAddSingleton<NotificationRetryPolicy>();
        services.TryAddSingleton<NotificationDeliverer>();
        services.TryAddSingleton<NotificationDispatcher>();
        services.TryAddSingleton<InProcessNotificationOutbox>();
        services.TryAddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<InProcessNotificationOutbox>());
        services.TryAddSingleton<EventNotifier>();
        return services;
    }
}
