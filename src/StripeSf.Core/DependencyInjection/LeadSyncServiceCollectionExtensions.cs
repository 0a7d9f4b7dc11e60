using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StripeSf.Core.Leads;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.DependencyInjection;

/// <summary>Registration of the Lead → Stripe customer sync.</summary>
public static class LeadSyncServiceCollectionExtensions
{
    /// <summary>The first wait of a Stripe retry (then doubled per attempt, at most <see cref="StripeCallPolicy.MaxDelay"/>).</summary>
    public static readonly TimeSpan StripeRetryBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The Lead sync (<c>LeadSync__*</c> validated at start, the mapping <c>Mapping__LeadSync__*</c>),
    /// its watermark in the Function App's storage (<c>AzureWebJobsStorage</c>) and its Stripe client
    /// (<c>Stripe__ApiKey</c>, checked when a Lead first needs Stripe). Needs a Salesforce client.
    /// </summary>
    public static IServiceCollection AddLeadSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LeadSyncOptions>().BindConfiguration(LeadSyncOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SalesforceMappingOptions>().BindConfiguration(SalesforceMappingOptions.SectionName);
        services.AddOptions<StripeApi.StripeApiOptions>().BindConfiguration(StripeApi.StripeApiOptions.SectionName);
        services.TryAddSingleton<LeadSyncStripeClient>();
        services.TryAddSingleton(sp => new StripeCallPolicy(sp.GetRequiredService<IOptions<LeadSyncOptions>>().Value.MaxStripeAttempts, StripeRetryBaseDelay));
        services.TryAddSingleton<StripeCalls>();
        services.TryAddSingleton<StripeCustomerFinder>();
        services.TryAddSingleton<StripeCustomerWriter>();
        services.TryAddSingleton<LeadWriteBack>();
        services.TryAddSingleton<ILeadWatermarkStore>(sp => new TableLeadWatermarkStore(
            () => LeadWatermarkStoreFactory.CreateTable(configuration, sp.GetRequiredService<IOptions<LeadSyncOptions>>().Value.WatermarkTable),
            sp.GetRequiredService<IOptions<SalesforceMappingOptions>>().Value.LeadSync.Object));
        services.TryAddSingleton<LeadSyncRunner>();
        return services;
    }
}
