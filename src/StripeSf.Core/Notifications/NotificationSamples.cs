namespace StripeSf.Core.Notifications;

/// <summary>
/// A sample of each notification class, for <c>stripesf notify test RULE</c>: the shape and figures
/// of a real one, marked as a test, about Stripe's test-mode dashboard.
/// </summary>
public static class NotificationSamples
{
    /// <summary>The sample of <paramref name="kind"/>, with event id <paramref name="eventId"/>.</summary>
    public static Notification For(NotificationClass kind, string eventId)
    {
        var (type, title, summary, fields, links) = kind switch
        {
            NotificationClass.PaymentFailed => ("invoice.payment_failed", "Payment failed: Example Customer, 49.99 USD",
                "Stripe could not collect invoice EXAMPLE-0001 (attempt 1); it retries in three days.",
                new NotificationField[] { new("Customer", "Example Customer"), new("Amount due", "49.99 USD"), new("At-risk MRR", "49.99 USD"), new("Next retry", "in 3 days") },
                new[] { "invoices/in_example" }),
            NotificationClass.DisputeOpened => ("charge.dispute.created", "Dispute opened: 120.00 USD on charge ch_example",
                "The customer disputed charge ch_example (fraudulent); submit evidence in Stripe before the deadline.",
                [new("Amount", "120.00 USD"), new("Reason", "fraudulent"), new("Evidence due", "in 7 days")], ["disputes/du_example"]),
            NotificationClass.DisputeLost => ("charge.dispute.closed", "Dispute lost: 120.00 USD on charge ch_example",
                "The dispute of charge ch_example was lost; the amount and the dispute fee are withdrawn.", [new("Amount", "120.00 USD"), new("Reason", "fraudulent")], ["disputes/du_example"]),
            NotificationClass.Cancellation => ("customer.subscription.deleted", "Subscription cancelled: Example Customer, 150.00 USD",
                "Subscription sub_example ended (reason: cancellation requested).", [new("Customer", "Example Customer"), new("Lost MRR", "150.00 USD"), new("Plan", "Pro")], ["subscriptions/sub_example"]),
            NotificationClass.Expansion => ("customer.subscription.updated", "Expansion: Example Customer, +600.00 USD",
                "MRR went from 200.00 USD to 800.00 USD (QuantityChange).", [new("Customer", "Example Customer"), new("MRR change", "+600.00 USD"), new("MRR now", "800.00 USD")], ["subscriptions/sub_example"]),
            NotificationClass.TrialEnding => ("customer.subscription.trial_will_end", "Trial ending: Example Customer, 99.00 USD",
                "The trial of subscription sub_example ends in three days.", [new("Customer", "Example Customer"), new("MRR after conversion", "99.00 USD")], ["subscriptions/sub_example"]),
            NotificationClass.EventDeadLettered => ("invoice.paid", "Event dead-lettered: invoice.paid (SalesforceRejected)",
                "Stripe event evt_example was not written to Salesforce and waits in the dead-letter queue.", [new("Reason", "SalesforceRejected")], ["events/evt_example"]),
            NotificationClass.ReconciliationDiscrepancy => ("reconciliation", "Reconciliation: 2 discrepancies",
                "Last night's reconciliation found Stripe and Salesforce disagreeing on 2 records.", [new("Missing in Salesforce", "1"), new("Amount mismatches", "1")], Array.Empty<string>()),
            _ => ("salesforce.limits", "Salesforce API usage above 90%",
                "The org has used 91% of its daily API requests; non-urgent events are deferred.", [new("Usage", "91%")], Array.Empty<string>()),
        };
        return new Notification
        {
            EventId = eventId,
            Class = kind,
            EventType = type,
            Title = $"[Test] {title}",
            Summary = $"{summary} This is a sample sent by stripesf notify test.",
            Fields = fields,
            Links = [.. links.Select(path => new NotificationLink("Open in Stripe (test mode)", StripeDashboard.Url(path, livemode: false)))],
        };
    }
}
