using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// Upserts <c>Stripe_Invoice__c</c> by the in_ id with every field of the model. Stripe owns the
/// record, so empty values are sent as null (a paid invoice's next attempt is cleared), and the
/// record's last-event time lets the stale guard drop an older snapshot.
/// </summary>
internal sealed class InvoiceWriter(SalesforceMappingOptions options)
{
    /// <summary>Adds the upsert of <paramref name="invoice"/>.</summary>
    public void Upsert(CompositePlanBuilder plan, InvoiceFacts invoice, DateTimeOffset eventCreated)
    {
        var map = options.Invoice;
        var fields = new JsonObject
        {
            [map.AccountRelationship] = CompositePlanBuilder.ByExternalId(options.Account.ExternalId, invoice.CustomerId),
            [map.Number] = invoice.Number,
            [map.Status] = invoice.Status,
        };
        BillingMoney.Write(fields, options, map.AmountDue, map.Currency, invoice.AmountDue, invoice.Currency);
        BillingMoney.Write(fields, options, map.AmountPaid, map.Currency, invoice.AmountPaid, invoice.Currency);
        fields[map.PeriodStart] = Time(invoice.PeriodStart);
        fields[map.PeriodEnd] = Time(invoice.PeriodEnd);
        fields[map.SubscriptionId] = invoice.SubscriptionId;
        fields[map.AttemptCount] = invoice.AttemptCount;
        fields[map.NextPaymentAttempt] = Time(invoice.NextPaymentAttempt);
        fields[map.HostedInvoiceUrl] = invoice.HostedInvoiceUrl;
        fields[map.PaidAt] = Time(invoice.PaidAt);
        fields[map.LastEventAt] = SalesforceValues.DateTime(eventCreated);
        plan.Upsert("invoice", map.Object, map.ExternalId, invoice.Id, fields);
    }

    private static string? Time(DateTimeOffset? value) => value is { } time ? SalesforceValues.DateTime(time) : null;
}
