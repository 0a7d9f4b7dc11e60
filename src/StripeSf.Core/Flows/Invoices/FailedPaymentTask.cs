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

    /// <summary>The most failed attempts a paid invoice closes Tasks for (Stripe's smart retries make at most a handful).</summary>
    public const int MaxClosedAttempts = 8;

    /// <summary>
    /// Completes the Tasks of the attempts that failed before <paramref name="invoice"/> was paid
    /// (attempts 1 … <c>attempt_count − 1</c>), with a resolution note, in the paid event's own call.
    /// Upserts by the same keys <c>invoice.payment_failed</c> writes, with fields it never writes
    /// (Status, the resolution), so the two converge in any delivery order: a failure processed after
    /// the payment fills in the Task's details and leaves it completed (it never sets Status).
    /// </summary>
    public static void CloseEarlierAttempts(CompositePlanBuilder plan, TaskMap map, InvoiceFacts invoice, DateTimeOffset paidAt)
    {
        var last = invoice.AttemptCount - 1;
        for (var attempt = Math.Max(1, last - MaxClosedAttempts + 1); attempt <= last; attempt++)
        {
            plan.Upsert($"paidTask{attempt}", map.Object, map.ExternalId, $"{invoice.Id}:attempt-{attempt}", new JsonObject
            {
                [map.Status] = map.StatusCompleted,
                [map.Resolution] = $"Paid in Stripe on {SalesforceValues.Date(paidAt)}",
            });
        }
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
