using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows;
using StripeSf.Core.Ingress;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;

namespace StripeSf.Core.DependencyInjection;

/// <summary>Registrations of the Core capabilities, one method each.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>The webhook ingress: options (validated at start), signature verification, routing, claim check.</summary>
    public static IServiceCollection AddStripeWebhookIngress(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RoutingTable.Default);
        services.TryAddSingleton<SignatureVerifier>();
        services.TryAddSingleton<EventMessageFactory>();
        services.TryAddSingleton<WebhookIngress>();
        return services.AddPayloadStore();
    }

    /// <summary>
    /// The event pipeline and the flow table (one flow per routed event type; startup fails naming a
    /// routed type without one). Every dependency of <see cref="EventProcessor"/> is registered here;
    /// the Salesforce client comes from <c>AddSalesforceClient</c> or a host's dry run, and where no
    /// org reports API usage the budget is <see cref="UnknownApiBudget"/>.
    /// </summary>
    public static IServiceCollection AddStripeEventProcessing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RoutingTable.Default);
        services.TryAddSingleton(new RetryPolicy());
        services.AddOptions<ProcessingOptions>().BindConfiguration(ProcessingOptions.SectionName);
        services.TryAddSingleton<EventProcessor>();
        services.TryAddSingleton<Matching.ExistingContactMatcher>();
        services.TryAddSingleton<Salesforce.Budget.ISalesforceApiBudget, UnknownApiBudget>();
        services.AddOptions<StripeApi.StripeApiOptions>().BindConfiguration(StripeApi.StripeApiOptions.SectionName);
        services.TryAddSingleton(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<StripeApi.StripeApiOptions>>().Value;
            return new StripeApi.SubscriptionTiersCompleter(
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StripeApi.SubscriptionTiersCompleter>>(),
                string.IsNullOrWhiteSpace(stripe.ApiKey) ? null : StripeApi.StripeClientFactory.Create(stripe));
        });
        services.AddMessageSettlement();
        services.AddNotifications();
        services.TryAddSingleton<Replay.EventReplayer>();
        services.AddEventFlows();
        return services.AddPayloadStore();
    }

    /// <summary>
    /// <c>stripesf plan</c>: the same pipeline with a capturing sender instead of Salesforce, no API
    /// budget and no Stripe API calls (tiers are mapped from the payload), so planning needs no network.
    /// </summary>
    public static IServiceCollection AddEventPlanning(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton<DryRunSalesforceClient>();
        services.TryAddSingleton<Salesforce.ISalesforceClient>(sp => sp.GetRequiredService<DryRunSalesforceClient>());
        services.TryAddSingleton(sp => new StripeApi.SubscriptionTiersCompleter(sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StripeApi.SubscriptionTiersCompleter>>()));
        services.TryAddSingleton<EventPlanner>();
        services.TryAddSingleton<Notifications.INotificationOutbox, Notifications.DisabledNotificationOutbox>();
        return services.AddStripeEventProcessing();
    }

    /// <summary>
    /// The nightly reconciliation (<c>Reconciliation__*</c>, validated at start), the queue
    /// repairer, gap-fill and the webhook endpoint watch. Needs <see cref="AddStripeEventProcessing"/> (or the ingress, for the repairer's
    /// message factory) and a Salesforce client; <c>Stripe__ApiKey</c> is checked when a run starts,
    /// so a Function App without it still ingests webhooks.
    /// </summary>
    public static IServiceCollection AddStripeReconciliation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RoutingTable.Default);
        services.AddOptions<Reconciliation.ReconciliationOptions>().BindConfiguration(Reconciliation.ReconciliationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeApi.StripeApiOptions>().BindConfiguration(StripeApi.StripeApiOptions.SectionName);
        services.AddOptions<SalesforceMappingOptions>().BindConfiguration(SalesforceMappingOptions.SectionName);
        services.TryAddSingleton<Reconciliation.ReconciliationStripeClient>();
        services.TryAddSingleton<Reconciliation.StripeReconciliationReader>();
        services.TryAddSingleton<Reconciliation.SalesforceReconciliationReader>();
        services.TryAddSingleton<Reconciliation.ReconciliationRunWriter>();
        services.AddNotifications();
        services.TryAddSingleton<Reconciliation.ReconciliationRunner>();
        services.TryAddSingleton<Reconciliation.QueueEventRepairer>();
        services.TryAddSingleton<Healing.WebhookEndpointWatch>();
        services.TryAddSingleton<Healing.GapFillWatermark>();
        services.TryAddSingleton<Healing.GapFiller>();
        services.TryAddSingleton<Healing.QueueGapFillTarget>();
        return services;
    }

    /// <summary>
    /// The renewal sweep (<c>Renewals__*</c>, validated at start): Stripe subscriptions listed with
    /// <c>Stripe__ApiKey</c> (checked when a sweep starts), Salesforce read and written through the
    /// registered client. Needs <see cref="AddStripeEventProcessing"/> (mapping) and a Salesforce client.
    /// </summary>
    public static IServiceCollection AddRenewalSweep(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Renewals.RenewalsOptions>().BindConfiguration(Renewals.RenewalsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeApi.StripeApiOptions>().BindConfiguration(StripeApi.StripeApiOptions.SectionName);
        services.AddOptions<SalesforceMappingOptions>().BindConfiguration(SalesforceMappingOptions.SectionName);
        services.TryAddSingleton<Renewals.RenewalsStripeClient>();
        services.TryAddSingleton<Renewals.StripeRenewalReader>();
        services.TryAddSingleton<Renewals.SalesforceRenewalReader>();
        services.TryAddSingleton<Renewals.RenewalSweep>();
        return services;
    }

    private static IServiceCollection AddPayloadStore(this IServiceCollection services)
    {
        services.AddOptions<ClaimCheckOptions>().BindConfiguration(ClaimCheckOptions.SectionName);
        services.TryAddSingleton<IPayloadStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ClaimCheckOptions>>().Value;
            if (!options.IsConfigured)
            {
                return new InMemoryPayloadStore();
            }

            var blobs = options.ConnectionString is { Length: > 0 } connection
                ? new BlobServiceClient(connection)
                : new BlobServiceClient(options.BlobServiceUri!, new DefaultAzureCredential());
            return new BlobPayloadStore(blobs.GetBlobContainerClient(options.ContainerName));
        });
        return services;
    }
}
