using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Functions.Messaging;

namespace StripeSf.Functions.Triggers;

/// <summary>
/// One Service Bus-triggered function per routed event type (Core/Routing/routes.json), each bound
/// to the queue named after its type. A trigger's queue name must be a compile-time constant, so
/// each type needs its own method; they are pure bindings and sit together so the list reads like
/// routes.json (RoutingConsistencyTests fail when the two disagree). Messages are settled by
/// <see cref="ServiceBusEventSettler"/> (AutoCompleteMessages = false).
/// </summary>
public sealed class EventQueueFunctions(ServiceBusEventSettler settler)
{
    /// <summary>The app setting prefix of the Service Bus connection (ServiceBus__fullyQualifiedNamespace or ServiceBus).</summary>
    public const string Connection = "ServiceBus";

    /// <summary>Queue <c>charge.dispute.closed</c>.</summary>
    [Function("ChargeDisputeClosed")]
    public Task ChargeDisputeClosed([ServiceBusTrigger("charge.dispute.closed", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("charge.dispute.closed", message, actions, cancellationToken);

    /// <summary>Queue <c>charge.dispute.created</c>.</summary>
    [Function("ChargeDisputeCreated")]
    public Task ChargeDisputeCreated([ServiceBusTrigger("charge.dispute.created", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("charge.dispute.created", message, actions, cancellationToken);

    /// <summary>Queue <c>charge.failed</c>.</summary>
    [Function("ChargeFailed")]
    public Task ChargeFailed([ServiceBusTrigger("charge.failed", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("charge.failed", message, actions, cancellationToken);

    /// <summary>Queue <c>charge.refunded</c>.</summary>
    [Function("ChargeRefunded")]
    public Task ChargeRefunded([ServiceBusTrigger("charge.refunded", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("charge.refunded", message, actions, cancellationToken);

    /// <summary>Queue <c>charge.succeeded</c>.</summary>
    [Function("ChargeSucceeded")]
    public Task ChargeSucceeded([ServiceBusTrigger("charge.succeeded", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("charge.succeeded", message, actions, cancellationToken);

    /// <summary>Queue <c>checkout.session.completed</c>.</summary>
    [Function("CheckoutSessionCompleted")]
    public Task CheckoutSessionCompleted([ServiceBusTrigger("checkout.session.completed", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("checkout.session.completed", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.created</c>.</summary>
    [Function("CustomerCreated")]
    public Task CustomerCreated([ServiceBusTrigger("customer.created", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.created", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.deleted</c>.</summary>
    [Function("CustomerDeleted")]
    public Task CustomerDeleted([ServiceBusTrigger("customer.deleted", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.deleted", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.created</c>.</summary>
    [Function("CustomerSubscriptionCreated")]
    public Task CustomerSubscriptionCreated([ServiceBusTrigger("customer.subscription.created", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.created", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.deleted</c>.</summary>
    [Function("CustomerSubscriptionDeleted")]
    public Task CustomerSubscriptionDeleted([ServiceBusTrigger("customer.subscription.deleted", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.deleted", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.paused</c>.</summary>
    [Function("CustomerSubscriptionPaused")]
    public Task CustomerSubscriptionPaused([ServiceBusTrigger("customer.subscription.paused", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.paused", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.resumed</c>.</summary>
    [Function("CustomerSubscriptionResumed")]
    public Task CustomerSubscriptionResumed([ServiceBusTrigger("customer.subscription.resumed", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.resumed", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.trial_will_end</c>.</summary>
    [Function("CustomerSubscriptionTrialWillEnd")]
    public Task CustomerSubscriptionTrialWillEnd([ServiceBusTrigger("customer.subscription.trial_will_end", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.trial_will_end", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.subscription.updated</c>.</summary>
    [Function("CustomerSubscriptionUpdated")]
    public Task CustomerSubscriptionUpdated([ServiceBusTrigger("customer.subscription.updated", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.subscription.updated", message, actions, cancellationToken);

    /// <summary>Queue <c>customer.updated</c>.</summary>
    [Function("CustomerUpdated")]
    public Task CustomerUpdated([ServiceBusTrigger("customer.updated", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("customer.updated", message, actions, cancellationToken);

    /// <summary>Queue <c>invoice.finalized</c>.</summary>
    [Function("InvoiceFinalized")]
    public Task InvoiceFinalized([ServiceBusTrigger("invoice.finalized", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("invoice.finalized", message, actions, cancellationToken);

    /// <summary>Queue <c>invoice.paid</c>.</summary>
    [Function("InvoicePaid")]
    public Task InvoicePaid([ServiceBusTrigger("invoice.paid", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("invoice.paid", message, actions, cancellationToken);

    /// <summary>Queue <c>invoice.payment_failed</c>.</summary>
    [Function("InvoicePaymentFailed")]
    public Task InvoicePaymentFailed([ServiceBusTrigger("invoice.payment_failed", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("invoice.payment_failed", message, actions, cancellationToken);

    /// <summary>Queue <c>invoice.payment_succeeded</c>.</summary>
    [Function("InvoicePaymentSucceeded")]
    public Task InvoicePaymentSucceeded([ServiceBusTrigger("invoice.payment_succeeded", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("invoice.payment_succeeded", message, actions, cancellationToken);

    /// <summary>Queue <c>payment_intent.succeeded</c>.</summary>
    [Function("PaymentIntentSucceeded")]
    public Task PaymentIntentSucceeded([ServiceBusTrigger("payment_intent.succeeded", Connection = Connection, AutoCompleteMessages = false)] ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
        => settler.SettleAsync("payment_intent.succeeded", message, actions, cancellationToken);
}
