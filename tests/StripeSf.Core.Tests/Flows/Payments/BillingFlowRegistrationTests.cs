using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Flows.Customers;
using StripeSf.Core.Flows.Disputes;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Flows.Payments;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

/// <summary>The real container discovers and builds every billing handler, one per event type.</summary>
public sealed class BillingFlowRegistrationTests
{
    public static TheoryData<string, Type> Handlers() => new()
    {
        { "customer.created", typeof(CustomerCreatedHandler) },
        { "customer.updated", typeof(CustomerUpdatedHandler) },
        { "customer.deleted", typeof(CustomerDeletedHandler) },
        { "charge.succeeded", typeof(ChargeSucceededHandler) },
        { "charge.failed", typeof(ChargeFailedHandler) },
        { "charge.refunded", typeof(ChargeRefundedHandler) },
        { "payment_intent.succeeded", typeof(PaymentIntentSucceededHandler) },
        { "charge.dispute.created", typeof(ChargeDisputeCreatedHandler) },
        { "charge.dispute.closed", typeof(ChargeDisputeClosedHandler) },
        { "invoice.paid", typeof(InvoicePaidHandler) },
        { "invoice.payment_succeeded", typeof(InvoicePaymentSucceededHandler) },
        { "invoice.finalized", typeof(InvoiceFinalizedHandler) },
        { "invoice.payment_failed", typeof(InvoicePaymentFailedHandler) },
    };

    [Theory]
    [MemberData(nameof(Handlers))]
    public void AddStripeEventProcessing_EventType_ResolvesItsBillingHandler(string eventType, Type handlerType)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddStripeEventProcessing();
        using var provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<HandlerRegistry>().TryGet(eventType, out var handler));
        Assert.IsType(handlerType, handler);
    }
}
