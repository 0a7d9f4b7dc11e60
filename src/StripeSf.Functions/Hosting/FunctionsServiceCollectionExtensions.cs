using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Notifications;
using StripeSf.Functions.Messaging;
using StripeSf.ServiceBus;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Functions.Hosting;

/// <summary>Registrations of the Azure-specific pieces of the Functions app.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The Service Bus client and publisher, and the notification queue as the notifications' outbox. The same settings drive the triggers
    /// (<c>Connection = "ServiceBus"</c>): <c>ServiceBus__fullyQualifiedNamespace</c> with a managed
    /// identity in Azure, or a <c>ServiceBus</c> connection string for local use.
    /// </summary>
    public static IServiceCollection AddServiceBusQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => ServiceBusClientFactory.Create(configuration));
        services.AddSingleton<ServiceBusEventPublisher>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<ServiceBusEventPublisher>());
        services.AddSingleton<ServiceBusEventSettler>();

        // Registered after AddStripeEventProcessing's in-process default, so the pipeline enqueues
        // notifications on their own queue instead of posting them from the event's invocation.
        services.AddSingleton<INotificationOutbox, QueueNotificationOutbox>();
        services.AddSingleton<ServiceBusNotificationSettler>();
        services.AddSingleton<DeadLetterAdministrator>();
        return services;
    }

    /// <summary>
    /// The Salesforce client (settings validated at start: a Function App never falls back to a dry
    /// run) and the nightly reconciliation that reads the org (<c>Reconciliation__*</c>). The
    /// reconciliation's Stripe client is built from <c>Stripe__ApiKey</c> when a run starts, so a
    /// missing key fails that run with an error naming the setting and never stops the webhook. The
    /// daily renewal sweep (<c>Renewals__*</c>) reads and writes through the same client.
    /// </summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSalesforceClient(configuration).AddStripeReconciliation().AddRenewalSweep();
}
