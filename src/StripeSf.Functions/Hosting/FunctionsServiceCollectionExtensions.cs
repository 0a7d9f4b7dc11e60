using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Functions.Messaging;
using StripeSf.Salesforce;

namespace StripeSf.Functions.Hosting;

/// <summary>Registrations of the Azure-specific pieces of the Functions app.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The Service Bus client and publisher. The same settings drive the triggers
    /// (<c>Connection = "ServiceBus"</c>): <c>ServiceBus__fullyQualifiedNamespace</c> with a managed
    /// identity in Azure, or a <c>ServiceBus</c> connection string for local use.
    /// </summary>
    public static IServiceCollection AddServiceBusQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => CreateClient(configuration));
        services.AddSingleton<ServiceBusEventPublisher>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<ServiceBusEventPublisher>());
        services.AddSingleton<ServiceBusEventSettler>();
        return services;
    }

    /// <summary>The Salesforce client; without Salesforce settings, a dry-run client that only logs.</summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ISalesforceClient, DryRunSalesforceClient>();
        return services;
    }

    private static ServiceBusClient CreateClient(IConfiguration configuration)
    {
        var connectionString = configuration["ServiceBus"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new ServiceBusClient(connectionString);
        }

        var fullyQualifiedNamespace = configuration["ServiceBus:fullyQualifiedNamespace"];
        if (string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            throw new InvalidOperationException(
                "Service Bus is not configured: set ServiceBus__fullyQualifiedNamespace (<namespace>.servicebus.windows.net, managed identity) or, locally, ServiceBus to a connection string.");
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["ServiceBus:clientId"],
        });
        return new ServiceBusClient(fullyQualifiedNamespace, credential);
    }
}
