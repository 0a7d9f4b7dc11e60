using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// The high-priority Task a failed invoice payment gives the Account owner, keyed
/// <c>{invoice id}:attempt-{attempt_count}</c>: a redelivered event rewrites the same Task, the next
/// failed attempt makes a new one. Status is left to the org's default for new Tasks, so a
/// redelivery never reopens a Task the owner has completed.
/// </summary>
internal static class FailedPaymentTask
{
    private const int SubjectMax = 255;

    /// <summary>The Task's external id.</summary>
    public static string Key(InvoiceFacts invoice) => $"{invoice.Id}:attempt-{invoice.AttemptCount}";

    /// <summary>The Task's fields; owner and related Account come from the composite reference <paramref name="ownerRef"/>.</summary>
    public static JsonObject Fields(TaskMap map, InvoiceFacts invoice, StripeEventContext context, string ownerRef)
    {
        var due = BillingText.MinorUnits(invoice.AmountDue, invoice.Currency);
        var subject = $"Payment failed: invoice {invoice.Number ?? invoice.Id} ({due}), attempt {invoice.AttemptCount}";
        return new JsonObject
        {
            [map.Subject] = subject.Length > SubjectMax ? subject[..SubjectMax] : subject,
            [map.Priority] = map.PriorityHigh,
            [map.OwnerId] = CompositePlanBuilder.Ref(ownerRef, "OwnerId"),
            [map.WhatId] = CompositePlanBuilder.Ref(ownerRef, "Id"),
            [map.ActivityDate] = SalesforceValues.Date(context.Created),
            [map.Description] = Description(invoice),
        };
    }

    private static string Description(InvoiceFacts invoice)
    {
        var mrr = AtRiskMrr.Of(invoice);
        return string.Join('\n',
            $"Stripe could not collect invoice {invoice.Number ?? invoice.Id} ({invoice.Id}).",
            $"Attempt: {invoice.AttemptCount}",
            invoice.NextPaymentAttempt is { } next ? $"Next automatic retry: {BillingText.Time(next)}" : "Next automatic retry: none scheduled",
            $"Amount due: {BillingText.MinorUnits(invoice.AmountDue, invoice.Currency)}",
            $"At-risk MRR: {BillingText.Money(mrr.Amount, invoice.Currency)} ({mrr.Basis})",
            $"Invoice: {invoice.HostedInvoiceUrl ?? "no hosted page"}");
    }
}
