using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Flows;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests;

/// <summary>The production flow table (the same registrations the hosts use) with a given mapping.</summary>
internal static class TestFlows
{
    /// <summary>The flow of <paramref name="eventType"/>.</summary>
    public static EventFlow For(string eventType, IOptions<SalesforceMappingOptions>? options = null) =>
        Table(options).TryGet(eventType, out var flow) ? flow! : throw new InvalidOperationException($"no flow for {eventType}");

    /// <summary>The production pipeline with <paramref name="salesforce"/> as its Salesforce client.</summary>
    public static Core.Processing.EventProcessor Processor(Salesforce.ISalesforceClient salesforce, IOptions<SalesforceMappingOptions>? options = null, Core.ClaimCheck.IPayloadStore? payloads = null)
    {
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging().AddSingleton(salesforce);
        if (payloads is not null)
        {
            services.AddSingleton(payloads);
        }

        if (options is not null)
        {
            services.AddSingleton(options);
        }

        return services.AddStripeEventProcessing().BuildServiceProvider().GetRequiredService<Core.Processing.EventProcessor>();
    }

    /// <summary>The table.</summary>
    public static FlowTable Table(IOptions<SalesforceMappingOptions>? options = null)
    {
        var services = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging();
        if (options is not null)
        {
            services.AddSingleton(options);
        }

        return services.AddStripeEventProcessing().BuildServiceProvider().GetRequiredService<FlowTable>();
    }
}
