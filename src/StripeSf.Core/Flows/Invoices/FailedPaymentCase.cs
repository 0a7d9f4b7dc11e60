using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Flows.Invoices;

/// <summary>
/// The optional collections Case of a failed invoice payment (<c>Dunning__OpenCase</c>), one per invoice,
/// keyed <c>{invoice id}:payment-failed</c> in <c>Stripe_Case_Key__c</c>. Subject, Priority, Description
/// and the Account are one guard group under the Case's <c>Stripe_Last_Event_At__c</c>, written by every
/// failed attempt and by the paid event; Status is written only by the paid event (Closed), which Stripe
/// always creates after the invoice's failures — so a redelivered or late failure never reopens a paid
/// invoice's Case, and a payment processed before its failure leaves one closed Case, never an open one.
/// <para>
/// Queue assignment: the queue's Id is resolved in the event's own composite call (a query subrequest
/// the owner write references), not once and cached: it costs no extra API call, every host (Functions,
/// CLI, replay) behaves the same, and a renamed or recreated queue takes effect at the next event. The
/// owner is written in a create-only subrequest (the oldest guard time, so the stale-event rule refuses
/// it for a Case that exists): a Case an agent has taken is never handed back to the queue.
/// </para>
/// </summary>
internal static class FailedPaymentCase
{
    private const int SubjectMax = 255;

    /// <summary>Reference id of the queue lookup.</summary>
    public const string QueueRef = "caseQueue";

    /// <summary>The Case's external id.</summary>
    public static string Key(InvoiceFacts invoice) => $"{invoice.Id}:payment-failed";

    /// <summary>invoice.payment_failed: gives a new Case to the queue, then writes the failure's details.</summary>
    public static void Open(CompositePlanBuilder plan, SalesforceMappingOptions options, DunningOptions dunning, InvoiceFacts invoice, DateTimeOffset eventCreated)
    {
        AssignIfNew(plan, options.Case, dunning, invoice);
        var fields = Fields(options, dunning, invoice, eventCreated, Description(invoice, null));
        plan.Upsert("case", options.Case.Object, options.Case.ExternalId, Key(invoice), fields);
    }

    /// <summary>invoice.paid: the Case closed with "Paid in Stripe on …" (created closed, for the queue, when the failure has not been processed yet).</summary>
    public static void Close(CompositePlanBuilder plan, SalesforceMappingOptions options, DunningOptions dunning, InvoiceFacts invoice, DateTimeOffset paidAt, DateTimeOffset eventCreated)
    {
        AssignIfNew(plan, options.Case, dunning, invoice);
        var fields = Fields(options, dunning, invoice, eventCreated, Description(invoice, paidAt));
        fields[options.Case.Status] = options.Case.StatusClosed;
        plan.Upsert("caseClosed", options.Case.Object, options.Case.ExternalId, Key(invoice), fields);
    }

    // Whichever event creates the Case (the paid one, when it is processed first) gives it to the queue.
    private static void AssignIfNew(CompositePlanBuilder plan, CaseMap map, DunningOptions dunning, InvoiceFacts invoice)
    {
        if (Owner(plan, dunning) is { } owner)
        {
            plan.Upsert("caseOwner", map.Object, map.ExternalId, Key(invoice), new JsonObject
            {
                ["OwnerId"] = owner,
                [map.LastEventAt] = SalesforceValues.DateTime(DateTimeOffset.UnixEpoch),
            });
        }
    }

    private static string? Owner(CompositePlanBuilder plan, DunningOptions dunning)
    {
        if (dunning.QueueId is { } id)
        {
            return id;
        }

        if (string.IsNullOrWhiteSpace(dunning.CaseQueue))
        {
            return null;
        }

        plan.Query(QueueRef, Soql.Query($"SELECT Id FROM Group WHERE Type = {"Queue"} AND DeveloperName = {dunning.CaseQueue.Trim()} LIMIT 1"));
        return CompositePlanBuilder.Ref(QueueRef, "records[0].Id");
    }

    private static JsonObject Fields(SalesforceMappingOptions options, DunningOptions dunning, InvoiceFacts invoice, DateTimeOffset eventCreated, string description)
    {
        var map = options.Case;
        var subject = $"Payment failed: invoice {invoice.Number ?? invoice.Id} ({BillingText.MinorUnits(invoice.AmountDue, invoice.Currency)})";
        return new JsonObject
        {
            [map.Subject] = subject.Length > SubjectMax ? subject[..SubjectMax] : subject,
            [map.Priority] = dunning.CasePriority,
            [map.Description] = description,
            [map.AccountRelationship] = CompositePlanBuilder.ByExternalId(options.Account.ExternalId, invoice.CustomerId),
            [map.LastEventAt] = SalesforceValues.DateTime(eventCreated),
        };
    }

    private static string Description(InvoiceFacts invoice, DateTimeOffset? paidAt)
    {
        var lines = new List<string>();
        if (paidAt is { } paid)
        {
            lines.Add($"Paid in Stripe on {SalesforceValues.Date(paid)}.");
        }

        var mrr = AtRiskMrr.Of(invoice);
        lines.Add($"Stripe could not collect invoice {invoice.Number ?? invoice.Id} ({invoice.Id}) at first.");
        lines.Add($"Attempts: {invoice.AttemptCount}");
        if (paidAt is null)
        {
            lines.Add(invoice.NextPaymentAttempt is { } next ? $"Next automatic retry: {BillingText.Time(next)}" : "Next automatic retry: none scheduled");
        }

        lines.Add($"Amount due: {BillingText.MinorUnits(invoice.AmountDue, invoice.Currency)}");
        lines.Add($"At-risk MRR: {BillingText.Money(mrr.Amount, invoice.Currency)} ({mrr.Basis})");
        lines.Add($"Invoice: {invoice.HostedInvoiceUrl ?? "no hosted page"}");
        return string.Join('\n', lines);
    }
}
