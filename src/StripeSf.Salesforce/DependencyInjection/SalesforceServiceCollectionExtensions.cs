using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using StripeSf.Salesforce.Auth;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Http;
using StripeSf.Salesforce.Preflight;

namespace StripeSf.Salesforce.DependencyInjection;

/// <summary>Registers the Salesforce client, its options, token cache, API budget, bulk client and preflight.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SalesforceOptions"/> from the <c>Salesforce</c> section of <paramref name="configuration"/>
    /// (validated on start), and registers <see cref="ISalesforceClient"/>, <see cref="ISalesforceBulkClient"/>,
    /// <see cref="ISalesforceApiBudget"/> and <see cref="SalesforcePreflight"/>.
    /// </summary>
    public static IServiceCollection AddSalesforceClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SalesforceOptions>()
            .Bind(configuration.GetSection(SalesforceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<SalesforceApiBudget>();
        services.TryAddSingleton<ISalesforceApiBudget>(sp => sp.GetRequiredService<SalesforceApiBudget>());
        services.TryAddSingleton<SalesforceTokenProvider>();
        services.TryAddSingleton<SalesforcePreflight>();

        services.AddHttpClient(SalesforceTokenProvider.HttpClientName).AddResilienceHandler("salesforce-auth", ConfigureResilience);
        services.AddHttpClient<SalesforceConnection>(SalesforceConnection.HttpClientName).AddResilienceHandler("salesforce", ConfigureResilience);

        services.TryAddTransient<SalesforceClient>();
        services.TryAddTransient<ISalesforceClient>(sp => sp.GetRequiredService<SalesforceClient>());
        services.TryAddTransient<SalesforceBulkClient>();
        services.TryAddTransient<ISalesforceBulkClient>(sp => sp.GetRequiredService<SalesforceBulkClient>());
        return services;
    }

    // A small in-call budget: two quick jittered retries smooth over a blip (a 503 during an instance
    // switch, a reset connection). Anything longer belongs to the queue's scheduled retry, which can
    // outlast a maintenance window without holding a function invocation open.
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(150));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(300),
            MaxDelay = TimeSpan.FromSeconds(3),
        });

        // Generous per attempt: a 100 MB Bulk upload or a large composite must not be cut off midway.
        pipeline.AddTimeout(TimeSpan.FromSeconds(60));
    }
}
