using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace StripeSf.Core.Leads;

/// <summary>
/// Builds the watermark's table client from the Function App's own storage settings: the
/// <c>AzureWebJobsStorage</c> connection string (<c>UseDevelopmentStorage=true</c> with Azurite), or
/// identity-based <c>AzureWebJobsStorage__tableServiceUri</c> / <c>__accountName</c> with
/// <c>__clientId</c> (the app's user-assigned identity, which holds Storage Table Data Contributor).
/// </summary>
public static class LeadWatermarkStoreFactory
{
    /// <summary>The table client, or an exception naming the settings to set.</summary>
    public static TableClient CreateTable(IConfiguration configuration, string tableName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("AzureWebJobsStorage");
        if (section.Value is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString).GetTableClient(tableName);
        }

        var uri = section["tableServiceUri"] is { Length: > 0 } explicitUri ? new Uri(explicitUri)
            : section["accountName"] is { Length: > 0 } account ? new Uri($"https://{account}.table.core.windows.net")
            : throw new InvalidOperationException(
                "The Lead sync keeps its watermark in the Function App's storage: set AzureWebJobsStorage (a connection string; UseDevelopmentStorage=true with Azurite) or AzureWebJobsStorage__tableServiceUri with a managed identity.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = section["clientId"] });
        return new TableServiceClient(uri, credential).GetTableClient(tableName);
    }
}
