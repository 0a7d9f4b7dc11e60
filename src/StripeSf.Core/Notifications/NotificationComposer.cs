using Microsoft.Extensions.Options;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Revenue;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Turns a written event into what a person is told, or null when the event is not one a person
/// acts on. Reads only the typed facts (never card details), and the Account id Salesforce answered
/// for the link.
/// </summary>
public sealed class NotificationComposer(IOptions<NotificationOptions> options, IOptions<SalesforceMappingOptions> mapping)
{
    /// <summary>The notification of <paramref name="context"/>, written with <paramref name="request"/> and answered with <paramref name="response"/>.</summary>
    public Notification? Compose(StripeEventContext context, CompositeRequest? request = null, CompositeResponse? response = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var livemode = context.Raw.TryGetProperty("livemode", out var mode) && mode.ValueKind == System.Text.Json.JsonValueKind.True;
        var notification = context.Type switch
        {
            "invoice.payment_failed" => PaymentFailed(context, livemode),
            "charge.dispute.created" => Dispute(context, livemode, NotificationClass.DisputeOpened),
            "charge.dispute.closed" when context.Facts.Dispute().IsLost => Dispute(context, livemode, NotificationClass.DisputeLost),
            "customer.subscription.deleted" => Cancelled(context, livemode),
            "customer.subscription.updated" => Updated(context, livemode),
            "customer.subscription.trial_will_end" => TrialEnding(context, livemode),
            _ => null,
        };
        return notification is null ? null : notification with
        {
            Links = [.. SalesforceLinks(request, response), .. notification.Links],
            SalesforceRecord = RecordWritten(request, response),
        };
    }

    /// <summary>The notification of an event that was dead-lettered, from the message alone (the payload may be unreadable).</summary>
    public static Notification DeadLettered(string eventId, string eventType, bool livemode, string reason, string description) => new()
    {
        EventId = eventId,
        Class = NotificationClass.EventDeadLettered,
        EventType = eventType,
        Livemode = livemode,
        Title = $"Event dead-lettered: {eventType} ({reason})",
        Summary = $"Stripe event {eventId} was not written to Salesforce and waits in the dead-letter queue: {Shorten(description, 500)} " +
            "Fix the cause, then resend it (stripesf dead-letters, README: Outcomes, retries and dead letters).",
        Fields = [new("Reason", reason), new("Event", $"{eventType} {eventId}")],
        Links = [StripeDashboard.Link(eventId, livemode)!],
    };

    /// <summary>The notification of a reconciliation run that found discrepancies (null when it found none).</summary>
    public static Notification? Reconciled(Reconciliation.ReconciliationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.DiscrepancyCount == 0)
        {
            return null;
        }

        var remaining = report.RemainingCount;
        var fields = Enum.GetValues<Reconciliation.DiscrepancyKind>()
            .Where(kind => report.Count(kind) > 0)
            .Select(kind => new NotificationField(kind.ToString(), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{report.Count(kind)} ({report.Amount(kind):0.00})")))
            .Append(new NotificationField("Repaired", report.Reenqueued.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new NotificationField("Records checked", report.RecordsChecked.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new Notification
        {
            EventId = $"reconciliation-{report.Window.RunKey}",
            Class = NotificationClass.ReconciliationDiscrepancy,
            EventType = "reconciliation",
            Livemode = true,
            Title = $"Reconciliation {report.Window.RunKey}: {report.DiscrepancyCount} discrepancies, {remaining} unresolved",
            Summary = $"Stripe and Salesforce disagree on {report.DiscrepancyCount} of {report.RecordsChecked} records between {NotificationText.Time(report.Window.Start)} and {NotificationText.Time(report.Window.End)}; " +
                (remaining == 0 ? "all were repaired by replaying their events." : "the run's Case in Salesforce lists them."),
            Amount = report.DiscrepancyAmount,
            Fields = [.. fields],
        };
    }

    /// <summary>The notification that the org's daily API usage passed the threshold (one per UTC day: the id carries the date).</summary>
    public static Notification ApiUsageAboveThreshold(Salesforce.Budget.ApiUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var percent = usage.Percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        return new Notification
        {
            EventId = $"salesforce-api-usage-{NotificationText.Date(usage.ObservedAt)}",
            Class = NotificationClass.ApiUsageAboveThreshold,
            EventType = "salesforce.limits",
            Livemode = true,
            Title = $"Salesforce API usage at {percent}% of the daily allowance",
            Summary = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The org has used {usage.Used:N0} of {usage.Max:N0} daily API requests, above Salesforce__LimitThresholdPercent; non-urgent Stripe events are deferred until usage drops (Processing__UrgentEventTypes still go through)."),
            Amount = (decimal)usage.Percent,
            Fields = [new("Used", usage.Used.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), new("Daily allowance", usage.Max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)), new("Observed", NotificationText.Time(usage.ObservedAt))],
        };
    }

    private static Notification PaymentFailed(StripeEventContext context, bool livemode)
    {
        var invoice = context.Facts.Invoice();
        var due = Money.ToMajorUnits(invoice.AmountDue, invoice.Currency);
        var atRisk = AtRiskMrr.Of(invoice).Amount;
        var customer = invoice.CustomerName ?? invoice.CustomerEmail ?? invoice.CustomerId;
        var fields = new List<NotificationField>
        {
            new("Customer", customer),
            new("Amount due", NotificationText.Money(due, invoice.Currency)),
            new("At-risk MRR", NotificationText.Money(atRisk, invoice.Currency)),
            new("Attempt", invoice.AttemptCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Next retry", invoice.NextPaymentAttempt is { } next ? NotificationText.Time(next) : "none: Stripe will not retry"),
        };
        if (invoice.Number is { } number)
        {
            fields.Insert(1, new("Invoice", number));
        }

        return new Notification
        {
            EventId = context.EventId,
            Class = NotificationClass.PaymentFailed,
            EventType = context.Type,
            Livemode = livemode,
            Title = $"Payment failed: {customer}, {NotificationText.Money(due, invoice.Currency)}",
            Summary = invoice.NextPaymentAttempt is { } retry
                ? $"Stripe could not collect invoice {invoice.Number ?? invoice.Id} (attempt {invoice.AttemptCount}); it retries at {NotificationText.Time(retry)}."
                : $"Stripe could not collect invoice {invoice.Number ?? invoice.Id} (attempt {invoice.AttemptCount}) and will not retry it.",
            Customer = customer,
            Amount = atRisk,
            Currency = Money.ToIsoCode(invoice.Currency),
            Plans = [.. invoice.Lines.SelectMany(l => PlanKeys(l.Price)).Distinct(StringComparer.Ordinal)],
            Fields = fields,
            Links = Links(livemode, invoice.Id, invoice.CustomerId),
        };
    }

    private static Notification Dispute(StripeEventContext context, bool livemode, NotificationClass kind)
    {
        var dispute = context.Facts.Dispute();
        var amount = Money.ToMajorUnits(dispute.Amount, dispute.Currency);
        var customer = context.DataObject.TryGetProperty("customer", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
        var fields = new List<NotificationField> { new("Amount", NotificationText.Money(amount, dispute.Currency)), new("Reason", dispute.Reason ?? "unknown") };
        if (customer is not null)
        {
            fields.Insert(0, new("Customer", customer));
        }

        if (kind == NotificationClass.DisputeOpened && dispute.EvidenceDueBy is { } due)
        {
            fields.Add(new("Evidence due", NotificationText.Time(due)));
        }

        var opened = kind == NotificationClass.DisputeOpened;
        return new Notification
        {
            EventId = context.EventId,
            Class = kind,
            EventType = context.Type,
            Livemode = livemode,
            Title = $"{(opened ? "Dispute opened" : "Dispute lost")}: {NotificationText.Money(amount, dispute.Currency)} on charge {dispute.ChargeId}",
            Summary = opened
                ? $"The customer disputed charge {dispute.ChargeId} ({dispute.Reason ?? "no reason given"}); submit evidence in Stripe before the deadline."
                : $"The dispute of charge {dispute.ChargeId} was lost; the amount and the dispute fee are withdrawn.",
            Customer = customer,
            Amount = amount,
            Currency = Money.ToIsoCode(dispute.Currency),
            Fields = fields,
            Links = Links(livemode, dispute.Id, dispute.ChargeId),
        };
    }

    private static Notification Cancelled(StripeEventContext context, bool livemode)
    {
        var subscription = context.Facts.Subscription();
        var lost = MrrCalculator.Calculate(subscription, context.Created);
        return Subscription(context, livemode, subscription, NotificationClass.Cancellation, "Subscription cancelled",
            $"Subscription {subscription.Id} ended{Reason(subscription)}.", [new("Lost MRR", Mrr(lost.PotentialMrr, lost.Currency))], lost.PotentialMrr, lost.Currency);
    }

    private Notification? Updated(StripeEventContext context, bool livemode)
    {
        var subscription = context.Facts.Subscription();
        var change = SubscriptionChangeClassifier.Classify(context.DataObject, context.Facts.PreviousAttributes, context.Created);
        if (change.Kind == SubscriptionChangeKind.CancelAtPeriodEnd)
        {
            var at = subscription.CancelAt ?? subscription.CurrentPeriodEnd;
            return Subscription(context, livemode, subscription, NotificationClass.Cancellation, "Cancellation scheduled",
                $"Subscription {subscription.Id} is set to cancel{(at is { } end ? " on " + NotificationText.Date(end) : " at the end of the period")}{Reason(subscription)}.",
                [new("At-risk MRR", Mrr(change.MrrAfter, change.Currency))], change.MrrAfter, change.Currency);
        }

        if (change.MrrDelta is { } delta && delta >= mapping.Value.ExpansionThresholdMrr && change.Kind is SubscriptionChangeKind.Upgrade or SubscriptionChangeKind.QuantityChange)
        {
            return Subscription(context, livemode, subscription, NotificationClass.Expansion, "Expansion",
                $"MRR went from {Mrr(change.MrrBefore!.Value, change.Currency)} to {Mrr(change.MrrAfter, change.Currency)} ({change.Kind}).",
                [new("MRR change", "+" + Mrr(delta, change.Currency)), new("MRR now", Mrr(change.MrrAfter, change.Currency))], delta, change.Currency);
        }

        return null;
    }

    private static Notification TrialEnding(StripeEventContext context, bool livemode)
    {
        var subscription = context.Facts.Subscription();
        var revenue = MrrCalculator.Calculate(subscription, context.Created);
        return Subscription(context, livemode, subscription, NotificationClass.TrialEnding, "Trial ending",
            $"The trial of subscription {subscription.Id} ends{(subscription.TrialEnd is { } end ? " on " + NotificationText.Date(end) : " soon")}.",
            [new("MRR after conversion", Mrr(revenue.PotentialMrr, revenue.Currency))], revenue.PotentialMrr, revenue.Currency);
    }

    private static Notification Subscription(
        StripeEventContext context, bool livemode, SubscriptionFacts subscription, NotificationClass kind, string what, string summary,
        IReadOnlyList<NotificationField> figures, decimal amount, string? currency)
    {
        var customer = subscription.CustomerName ?? subscription.CustomerId;
        var plans = subscription.Items.SelectMany(i => PlanKeys(i.Price)).Distinct(StringComparer.Ordinal).ToList();
        return new Notification
        {
            EventId = context.EventId,
            Class = kind,
            EventType = context.Type,
            Livemode = livemode,
            Title = $"{what}: {customer}" + (currency is null ? string.Empty : $", {figures[0].Value}"),
            Summary = summary,
            Customer = customer,
            Amount = currency is null ? null : amount,
            Currency = currency is null ? null : Money.ToIsoCode(currency),
            Plans = plans,
            Fields = [new("Customer", customer), .. figures, .. PlanField(subscription)],
            Links = Links(livemode, subscription.Id, subscription.CustomerId),
        };
    }

    private static IEnumerable<NotificationField> PlanField(SubscriptionFacts subscription)
    {
        var names = subscription.Items.Select(i => i.Price?.Nickname ?? i.Price?.ProductName ?? i.Price?.Id).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? [] : [new NotificationField("Plan", string.Join(", ", names))];
    }

    private static string Reason(SubscriptionFacts subscription) =>
        subscription.CancellationReason is { } reason ? $" (reason: {reason.Replace('_', ' ')}{(subscription.CancellationComment is { } comment ? $", \"{Shorten(comment, 200)}\"" : string.Empty)})" : string.Empty;

    private static string Mrr(decimal amount, string? currency) => currency is null ? amount.ToString(System.Globalization.CultureInfo.InvariantCulture) : NotificationText.Money(amount, currency);

    private static IEnumerable<string> PlanKeys(PriceFacts? price) =>
        price is null ? [] : new[] { price.Id, price.ProductId, price.Nickname, price.ProductName }.OfType<string>();

    private static List<NotificationLink> Links(bool livemode, params string?[] ids) =>
        [.. ids.Select(id => StripeDashboard.Link(id, livemode)).OfType<NotificationLink>()];

    private IEnumerable<NotificationLink> SalesforceLinks(CompositeRequest? request, CompositeResponse? response)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SalesforceUrl))
        {
            return [];
        }

        var baseUrl = options.Value.SalesforceUrl.TrimEnd('/');
        return RecordsWritten(request, response)
            .Select(r => new NotificationLink($"{r.SObject} in Salesforce", $"{baseUrl}/lightning/r/{r.SObject}/{Uri.EscapeDataString(r.Id)}/view"));
    }

    /// <summary>
    /// The Account (else Opportunity) the call wrote, by the Id Salesforce returned, the Id in the
    /// subrequest's URL, or the field of an earlier result the URL references (a dispute's Account
    /// comes from its charge's payment entry: <c>@{charge.Account__c}</c>).
    /// </summary>
    internal static SalesforceRecordRef? RecordWritten(CompositeRequest? request, CompositeResponse? response) =>
        RecordsWritten(request, response).FirstOrDefault();

    /// <summary>The Account and the Opportunity the call wrote (each at most once, in that order), as <see cref="RecordWritten"/> finds them.</summary>
    private static IEnumerable<SalesforceRecordRef> RecordsWritten(CompositeRequest? request, CompositeResponse? response)
    {
        if (request is null || response is null)
        {
            yield break;
        }

        foreach (var objectName in new[] { "Account", "Opportunity" })
        {
            var id = request.Subrequests
                .Where(s => s.Method == "PATCH" && s.Target?.SObject == objectName)
                .Select(s => IdWritten(s, response))
                .FirstOrDefault(i => i is { Length: > 0 });
            if (id is not null)
            {
                yield return new SalesforceRecordRef(objectName, id);
            }
        }
    }

    // The Id Salesforce returned for the subrequest, else the one its URL names (literally or by reference).
    private static string? IdWritten(CompositeSubrequest subrequest, CompositeResponse response)
    {
        var answer = response.Results.FirstOrDefault(r => r.ReferenceId == subrequest.ReferenceId && r.IsSuccess);
        if (answer is null)
        {
            return null;
        }

        if (answer.Body?["id"]?.GetValue<string>() is { Length: > 0 } id)
        {
            return id;
        }

        // By record Id (a literal Id, or a reference to an earlier result); not by external id.
        return subrequest.Target is { ExternalIdField: null, Key: { } key } ? Referenced(key, response) : null;
    }

    // "001…" as is; "@{charge.Account__c}" from the result of subrequest "charge".
    private static string? Referenced(string text, CompositeResponse response)
    {
        if (!text.StartsWith("@{", StringComparison.Ordinal))
        {
            return text.Length is 15 or 18 ? text : null;
        }

        var path = text[2..^1].Split('.', 2);
        return path.Length == 2 && response.Results.FirstOrDefault(r => r.ReferenceId == path[0] && r.IsSuccess)?.Body?[path[1]] is { } value
            ? value.GetValue<string>()
            : null;
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}
