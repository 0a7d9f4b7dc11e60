using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Checkout;
using StripeSf.Core.Flows.Customers;
using StripeSf.Core.Flows.Disputes;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Flows;

/// <summary>
/// Which flow plans which Stripe event type: the one table, checked against <c>routes.json</c> when
/// built. A routed type without a flow, or a flow for a type that is not routed, fails startup naming
/// the type (<see cref="FlowTableStartupCheck"/>), so a deployment never completes events silently.
/// </summary>
public sealed class FlowTable
{
    private readonly Dictionary<string, EventFlow> _byType = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="flows"/>; throws naming every type that does not match <paramref name="routes"/>.</summary>
    public FlowTable(IEnumerable<EventFlow> flows, RoutingTable routes)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(routes);
        foreach (var flow in flows)
        {
            if (!_byType.TryAdd(flow.EventType, flow))
            {
                throw new InvalidOperationException($"The flow table lists {flow.EventType} twice ({_byType[flow.EventType].Family} and {flow.Family}).");
            }
        }

        var withoutFlow = routes.EventTypes.Where(t => !_byType.ContainsKey(t)).ToList();
        var notRouted = _byType.Keys.Where(t => routes.QueueFor(t) is null).Order(StringComparer.Ordinal).ToList();
        if (withoutFlow.Count > 0 || notRouted.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", new[]
            {
                withoutFlow.Count > 0 ? $"Routed event types without a flow: {string.Join(", ", withoutFlow)} (add a row to FlowTable.Rows or remove them from routes.json)." : null,
                notRouted.Count > 0 ? $"Flows for event types routes.json does not route: {string.Join(", ", notRouted)}." : null,
            }.Where(m => m is not null)));
        }
    }

    /// <summary>Event types with a flow (exactly the routed types).</summary>
    public IReadOnlyCollection<string> EventTypes => _byType.Keys;

    /// <summary>The flow of <paramref name="eventType"/>.</summary>
    public bool TryGet(string eventType, out EventFlow? flow) => _byType.TryGetValue(eventType, out flow);

    /// <summary>The table. Collaborators come from the container, built once each.</summary>
    internal static IEnumerable<EventFlow> Rows(IServiceProvider services)
    {
        var customers = services.GetRequiredService<CustomerPlanner>();
        var charges = services.GetRequiredService<ChargePlanner>();
        var intents = services.GetRequiredService<PaymentIntentPlanner>();
        var refunds = services.GetRequiredService<RefundPlanner>();
        var disputes = services.GetRequiredService<DisputePlanner>();
        var invoices = services.GetRequiredService<InvoicePlanner>();
        var records = services.GetRequiredService<SubscriptionRecords>();
        var created = services.GetRequiredService<SubscriptionCreatedPlanner>();
        var updated = services.GetRequiredService<SubscriptionUpdatedPlanner>();
        var deleted = services.GetRequiredService<SubscriptionDeletedPlanner>();
        var checkout = services.GetRequiredService<CheckoutPlanner>();

        return
        [
            // Customer events carry their own identity ladder (CustomerIdentity), so no event needs the creating-form resend.
            new("customer.created", FlowFamily.Customers, c => customers.Plan(c, deleted: false)),
            new("customer.updated", FlowFamily.Customers, c => customers.Plan(c, deleted: false)),
            new("customer.deleted", FlowFamily.Customers, c => customers.Plan(c, deleted: true)),

            new("charge.succeeded", FlowFamily.Payments, charges.PlanCharge),
            new("charge.failed", FlowFamily.Payments, charges.PlanCharge),
            new("charge.refunded", FlowFamily.Payments, refunds.Plan),
            new("payment_intent.succeeded", FlowFamily.Payments, intents.Plan),

            new("charge.dispute.created", FlowFamily.Disputes, c => disputes.Plan(c, closed: false)),
            new("charge.dispute.closed", FlowFamily.Disputes, c => disputes.Plan(c, closed: true)),

            new("invoice.finalized", FlowFamily.Invoices, invoices.Finalized),
            new("invoice.paid", FlowFamily.Invoices, invoices.Paid),
            new("invoice.payment_succeeded", FlowFamily.Invoices, invoices.Paid),
            new("invoice.payment_failed", FlowFamily.Invoices, invoices.PaymentFailed),

            new("customer.subscription.created", FlowFamily.Subscriptions, created.Plan),
            new("customer.subscription.updated", FlowFamily.Subscriptions, updated.Plan),
            new("customer.subscription.deleted", FlowFamily.Subscriptions, deleted.Plan),
            new("customer.subscription.paused", FlowFamily.Subscriptions, records.Baseline),
            new("customer.subscription.resumed", FlowFamily.Subscriptions, records.Baseline),
            new("customer.subscription.trial_will_end", FlowFamily.Subscriptions, records.Baseline),

            new("checkout.session.completed", FlowFamily.Checkout, checkout.Plan),
        ];
    }
}

/// <summary>Registers the flow table and every flow collaborator, once each.</summary>
public static class FlowRegistrations
{
    /// <summary>The flows (mapping from <c>Mapping__*</c>) and the table; the host fails to start when the table and routes.json disagree.</summary>
    public static IServiceCollection AddEventFlows(this IServiceCollection services)
    {
        services.AddOptions<SalesforceMappingOptions>().BindConfiguration(SalesforceMappingOptions.SectionName);
        services.TryAddSingleton(RoutingTable.Default);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SalesforceMappingOptions>>().Value);
        services.TryAddSingleton<AccountWriter>();
        services.TryAddSingleton<PaymentEntryWriter>();
        services.TryAddSingleton<InvoiceWriter>();
        services.TryAddSingleton<Matching.CustomerIdentity>();
        services.TryAddSingleton<CustomerPlanner>();
        services.TryAddSingleton<ChargePlanner>();
        services.TryAddSingleton<PaymentIntentPlanner>();
        services.TryAddSingleton<RefundPlanner>();
        services.TryAddSingleton<DisputePlanner>();
        services.TryAddSingleton<InvoicePlanner>();
        services.TryAddSingleton<SubscriptionRecords>();
        services.TryAddSingleton<DealCloser>();
        services.TryAddSingleton<ChangeUpdates>();
        services.TryAddSingleton<RenewalWriter>();
        services.TryAddSingleton<ExpansionWriter>();
        services.TryAddSingleton<WinBackWriter>();
        services.TryAddSingleton<SubscriptionCreatedPlanner>();
        services.TryAddSingleton<SubscriptionUpdatedPlanner>();
        services.TryAddSingleton<SubscriptionDeletedPlanner>();
        services.TryAddSingleton<CheckoutPlanner>();
        services.TryAddSingleton(sp => new FlowTable(FlowTable.Rows(sp), sp.GetRequiredService<RoutingTable>()));
        services.AddHostedService<FlowTableStartupCheck>();
        return services;
    }
}
