using Microsoft.Extensions.Options;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// invoice.* → the invoice record, the Account's billing group and Customer Health while past due
/// (<see cref="PastDueHealth"/>), and, for a failed payment, the owner's Task and the optional
/// collections Case, which the paid event closes.
/// </summary>
internal sealed class InvoicePlanner(SalesforceMappingOptions options, IOptions<DunningOptions> dunning, AccountWriter accounts, InvoiceWriter invoices)
{
    private const string OwnerRef = "owner";
    private const string HealthRef = "accountHealth";
    private readonly InvoiceWriter _invoices = invoices;
    private readonly PastDueHealth _health = new(options);

    /// <summary>
    /// invoice.paid / invoice.payment_succeeded: Billing Status back to Current, Last Payment Date when money moved, the
    /// earlier attempts' Tasks and the collections Case closed, Customer Health back to what the other facts imply.
    /// </summary>
    public WritePlan Paid(StripeEventContext context)
    {
        if (!options.Flows.Invoices)
        {
            return WritePlan.Empty;
        }

        var invoice = context.Facts.Invoice();
        var billing = new BillingAccountFields(options.Account).Status(options.Account.BillingCurrent);
        if (invoice.AmountPaid > 0)
        {
            billing.LastPayment(invoice.PaidAt ?? context.Created);
        }

        var plan = Begin(context, invoice, billing);
        var paidAt = invoice.PaidAt ?? context.Created;
        if (options.Flows.FailedPaymentTasks)
        {
            FailedPaymentTask.CloseEarlierAttempts(plan, options.Task, invoice, paidAt);
        }

        if (dunning.Value.OpenCase && invoice.AttemptCount > 1)
        {
            FailedPaymentCase.Close(plan, options, dunning.Value, invoice, paidAt, context.Created);
        }

        // The invoice record written above no longer counts in the Account's past-due invoices.
        _health.BackWhenPaid(plan, HealthAccount.ByCustomer(options.Account, invoice.CustomerId), HealthRef);

        return plan.Build();
    }

    /// <summary>invoice.finalized: the invoice record only; finalizing says nothing about billing status.</summary>
    public WritePlan Finalized(StripeEventContext context) =>
        options.Flows.Invoices ? Write(context, context.Facts.Invoice(), new BillingAccountFields(options.Account)) : WritePlan.Empty;

    /// <summary>invoice.payment_failed: Billing Status Payment Overdue, the invoice, the owner's Task, the optional collections Case, Customer Health At Risk.</summary>
    public WritePlan PaymentFailed(StripeEventContext context)
    {
        var flows = options.Flows;
        if (!flows.Invoices && !flows.FailedPaymentTasks)
        {
            return WritePlan.Empty;
        }

        var invoice = context.Facts.Invoice();
        var billing = new BillingAccountFields(options.Account);
        if (flows.Invoices)
        {
            billing.Status(options.Account.BillingOverdue);
        }

        var plan = Begin(context, invoice, billing);
        if (flows.FailedPaymentTasks)
        {
            // The Account owner is read after the Account upsert, so it exists even on first sight.
            // Not all-or-none: the Task references only this GET, which succeeds whenever the Account
            // exists, even when the billing group above is skipped as stale; a failed GET fails the
            // Task alone, and the event is retried as a whole (every write is an idempotent upsert).
            plan.Get(OwnerRef, options.Account.Object, options.Account.ExternalId, invoice.CustomerId, "Id", "OwnerId");
            var task = options.Task;
            plan.Upsert("task", task.Object, task.ExternalId, FailedPaymentTask.Key(invoice), FailedPaymentTask.Fields(task, invoice, context, OwnerRef));
        }

        if (dunning.Value.OpenCase)
        {
            FailedPaymentCase.Open(plan, options, dunning.Value, invoice, context.Created);
        }

        if (flows.Invoices)
        {
            // The invoice record written above counts in the Account's past-due invoices.
            _health.AtRiskWhilePastDue(plan, HealthAccount.ByCustomer(options.Account, invoice.CustomerId), HealthRef);
        }

        return plan.Build();
    }

    private WritePlan Write(StripeEventContext context, InvoiceFacts invoice, BillingAccountFields billing) =>
        // Not all-or-none: the invoice is linked by external id, so it must be written even when the
        // Account's billing group is skipped as stale.
        Begin(context, invoice, billing).Build();

    private CompositePlanBuilder Begin(StripeEventContext context, InvoiceFacts invoice, BillingAccountFields billing)
    {
        var plan = new CompositePlanBuilder();
        billing.Upsert(accounts, plan, context, "account", invoice.CustomerId, invoice.CustomerName ?? invoice.CustomerEmail);
        if (options.Flows.Invoices)
        {
            _invoices.Upsert(plan, invoice, context.Created);
        }

        return plan;
    }
}
