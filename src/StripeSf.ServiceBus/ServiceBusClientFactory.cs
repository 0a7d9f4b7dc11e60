using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;

namespace StripeSf.ServiceBus;

/// <summary>
/// Creates the Service Bus client from the same settings the triggers use (<c>Connection = "ServiceBus"</c>):
/// <c>ServiceBus__fullyQualifiedNamespace</c> with a managed identity in Azure (or your az login
/// locally), or a <c>ServiceBus</c> connection string.
/// </summary>
public static class ServiceBusClientFactory
{
    /// <summary>True when either setting is present.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["ServiceBus"]) || !string.IsNullOrWhiteSpace(configuration["ServiceBus:fullyQualifiedNamespace"]);

    /// <summary>The client, or an exception naming the settings to set.</summary>
    public static ServiceBusClient Create(IConfiguration configuration)
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
