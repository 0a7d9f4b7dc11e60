using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Reads the Stripe side of a window with list calls (100 per page, <c>starting_after</c>). Pages
/// are read as raw JSON, like the webhook payloads, so events can be re-enqueued byte for byte
/// and no API-version drift in Stripe.net's models can hide a field.
/// </summary>
public sealed class StripeReconciliationReader(ReconciliationStripeClient stripe)
{
    /// <summary>The event types whose events create the records reconciled.</summary>
    public static readonly IReadOnlyList<string> RepairEventTypes = ["charge.succeeded", "invoice.paid"];

    /// <summary>Stripe's limit on <c>types[]</c> in one event list.</summary>
    public const int MaxTypesPerList = 20;

    /// <summary>Succeeded charges with a customer created in the window (guest charges have no Salesforce record by design), streamed.</summary>
    public async IAsyncEnumerable<ReconciledObject> ChargesAsync(ReconciliationWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new ChargeListOptions { Created = Range(window.Start, window.End), Limit = 100 };
        await foreach (var item in ListAsync("/v1/charges", options, cancellationToken).ConfigureAwait(false))
        {
            if (ToCharge(item) is { } charge && charge.Status == "succeeded" && HasCustomer(item) && window.Contains(charge.PaidAt!.Value))
            {
                yield return charge;
            }
        }
    }

    /// <summary>
    /// Invoices paid (status_transitions.paid_at) in the window, streamed, each with its subscription
    /// id (null for a one-off invoice) and, the subscription being expanded in the same list call,
    /// its ACV as of <paramref name="acvAsOf"/> (null when Stripe did not expand it). Stripe filters
    /// lists by creation only, so invoices created up to <paramref name="lookbackDays"/> before the
    /// window are listed and filtered here: Salesforce's Paid_At__c is the payment time, and both
    /// sides must use the same clock.
    /// </summary>
    public async IAsyncEnumerable<(ReconciledObject Invoice, string? SubscriptionId, ReconciledObject? Acv)> PaidInvoicesAsync(
        ReconciliationWindow window, int lookbackDays, DateTimeOffset acvAsOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new InvoiceListOptions { Status = "paid", Created = Range(window.Start.AddDays(-lookbackDays), window.End), Limit = 100 };
        // The API version the client pins names the subscription under parent.subscription_details
        // (four levels: Stripe's most); expanding it saves one GET per paying subscription.
        options.AddExpand("data.parent.subscription_details.subscription");
        await foreach (var item in ListAsync("/v1/invoices", options, cancellationToken).ConfigureAwait(false))
        {
            if (ToInvoice(item) is { Status: "paid", PaidAt: { } paidAt } invoice && window.Contains(paidAt))
            {
                var subscription = SubscriptionOf(item);
                var expanded = item["parent"]?["subscription_details"]?["subscription"] as JsonObject;
                yield return (invoice, subscription, subscription is not null && expanded is not null ? Acv(subscription, expanded, acvAsOf) : null);
            }
        }
    }

    /// <summary>
    /// Refunds created in the window, streamed, each with its charge id; amounts negative, as the
    /// Salesforce entries record them.
    /// </summary>
    public async IAsyncEnumerable<(ReconciledObject Refund, string ChargeId)> RefundsAsync(ReconciliationWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new RefundListOptions { Created = Range(window.Start, window.End), Limit = 100 };
        await foreach (var item in ListAsync("/v1/refunds", options, cancellationToken).ConfigureAwait(false))
        {
            if (Read(item, ReconciledObjectType.Refund, "amount", item["created"]) is { } refund && Id(item["charge"]) is { } chargeId)
            {
                yield return (refund with { Amount = -refund.Amount }, chargeId);
            }
        }
    }

    /// <summary>
    /// Disputes closed in the window: the objects of the <c>charge.dispute.closed</c> events created
    /// in it (a dispute has no close time of its own; Stripe keeps events 30 days). PaidAt is the
    /// close, as on the lost dispute's entry; amounts negative.
    /// </summary>
    public async IAsyncEnumerable<ReconciledObject> ClosedDisputesAsync(ReconciliationWindow window, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in EventsAsync(["charge.dispute.closed"], window.Start, window.End, cancellationToken).ConfigureAwait(false))
        {
            var dispute = JsonNode.Parse(e.Payload)?["data"]?["object"] as JsonObject;
            if (dispute is not null && Read(dispute, ReconciledObjectType.Dispute, "amount", null) is { } closed)
            {
                yield return closed with { Amount = -closed.Amount, PaidAt = e.Created };
            }
        }
    }

    /// <summary>One charge or invoice by id, or null when Stripe does not know it (404).</summary>
    public async Task<ReconciledObject?> RetrieveAsync(ReconciledObjectType type, string id, CancellationToken cancellationToken)
    {
        var path = type == ReconciledObjectType.Charge ? "/v1/charges/" : "/v1/invoices/";
        var item = await FindAsync(path + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false);
        return item is null ? null : type == ReconciledObjectType.Charge ? ToCharge(item) : ToInvoice(item);
    }

    /// <summary>
    /// What a charge's cumulative refund entry (<c>{charge}-refunds</c>) should say: the charge's
    /// <c>amount_refunded</c> (negative) and refunded / partially_refunded; null when Stripe does not know the charge.
    /// </summary>
    public async Task<ReconciledObject?> CumulativeRefundAsync(string chargeId, CancellationToken cancellationToken)
    {
        var charge = await FindAsync("/v1/charges/" + Uri.EscapeDataString(chargeId), cancellationToken).ConfigureAwait(false);
        if (charge is null || charge["currency"]?.GetValue<string>() is not { } currency)
        {
            return null;
        }

        var refunded = charge["amount_refunded"]?.GetValue<long>() ?? 0;
        var status = charge["refunded"]?.GetValue<bool>() == true ? "refunded" : "partially_refunded";
        return new ReconciledObject(chargeId, ReconciledObjectType.Refund, -Money.ToMajorUnits(refunded, currency), Money.ToIsoCode(currency), status, null);
    }

    /// <summary>
    /// A subscription's annual contract value (what its Opportunity's Amount holds), computed by the
    /// same facts and calculator the subscription flow writes with; null when Stripe does not know it.
    /// </summary>
    public async Task<ReconciledObject?> SubscriptionAcvAsync(string subscriptionId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var item = await FindAsync("/v1/subscriptions/" + Uri.EscapeDataString(subscriptionId), cancellationToken).ConfigureAwait(false);
        return item is null ? null : Acv(subscriptionId, item, asOf);
    }

    private static ReconciledObject Acv(string subscriptionId, JsonObject subscription, DateTimeOffset asOf)
    {
        using var document = JsonDocument.Parse(subscription.ToJsonString());
        var facts = Facts.SubscriptionFacts.From(document.RootElement);
        var revenue = Flows.Subscriptions.SubscriptionRevenue.Of(facts, asOf);
        return new ReconciledObject(subscriptionId, ReconciledObjectType.Subscription, revenue.Acv, Money.ToIsoCode(revenue.RunRate.Currency ?? facts.Currency ?? "usd"), facts.Status ?? "", null);
    }

    /// <summary>
    /// Whether Stripe shows a payment in [<paramref name="from"/>, <paramref name="until"/>): for a
    /// subscription, a paid invoice of it with an amount paid (listed by creation from
    /// <paramref name="lookbackDays"/> before); for a customer, a succeeded charge. Stops at the first.
    /// </summary>
    public async Task<bool> HasPaymentAsync(ReconciledObjectType type, string id, DateTimeOffset from, DateTimeOffset until, int lookbackDays, CancellationToken cancellationToken)
    {
        if (type == ReconciledObjectType.Subscription)
        {
            var invoices = new InvoiceListOptions { Subscription = id, Status = "paid", Created = Range(from.AddDays(-lookbackDays), until), Limit = 100 };
            await foreach (var item in ListAsync("/v1/invoices", invoices, cancellationToken).ConfigureAwait(false))
            {
                if (ToInvoice(item) is { Status: "paid", Amount: > 0, PaidAt: { } paidAt } && paidAt >= from && paidAt < until)
                {
                    return true;
                }
            }

            return false;
        }

        var charges = new ChargeListOptions { Customer = id, Created = Range(from, until), Limit = 100 };
        await foreach (var item in ListAsync("/v1/charges", charges, cancellationToken).ConfigureAwait(false))
        {
            if (ToCharge(item) is { Status: "succeeded", Amount: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The latest <c>charge.succeeded</c> / <c>invoice.paid</c> event of each of <paramref name="objectIds"/>,
    /// created at or after <paramref name="since"/> (one pass over the event list; only the events asked
    /// for are kept). Stripe keeps events for 30 days.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StripeEventPayload>> RepairEventsAsync(DateTimeOffset since, IReadOnlySet<string> objectIds, CancellationToken cancellationToken)
    {
        var options = new EventListOptions { Types = [.. RepairEventTypes], Created = new DateRangeOptions { GreaterThanOrEqual = since.UtcDateTime }, Limit = 100 };
        var events = new Dictionary<string, StripeEventPayload>(StringComparer.Ordinal);
        await foreach (var item in ListAsync("/v1/events", options, cancellationToken).ConfigureAwait(false))
        {
            var objectId = item["data"]?["object"]?["id"]?.GetValue<string>();
            var id = item["id"]?.GetValue<string>();
            var type = item["type"]?.GetValue<string>();
            if (objectId is null || id is null || type is null || !objectIds.Contains(objectId))
            {
                continue;
            }

            var created = DateTimeOffset.FromUnixTimeSeconds(item["created"]?.GetValue<long>() ?? 0);
            if (!events.TryGetValue(objectId, out var known) || known.Created < created)
            {
                events[objectId] = new StripeEventPayload(id, type, objectId, created, Encoding.UTF8.GetBytes(item.ToJsonString()));
            }
        }

        return events;
    }

    /// <summary>
    /// Every event of <paramref name="types"/> created in [<paramref name="since"/>, <paramref name="until"/>),
    /// streamed page by page (100 per page, newest first, as Stripe lists them), as raw JSON. Stripe
    /// accepts up to 20 types per list, so more types take one list each per 20.
    /// </summary>
    public async IAsyncEnumerable<StripeEventPayload> EventsAsync(IReadOnlyList<string> types, DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var chunk in types.Chunk(MaxTypesPerList))
        {
            var options = new EventListOptions { Types = [.. chunk], Created = Range(since, until), Limit = 100 };
            await foreach (var item in ListAsync("/v1/events", options, cancellationToken).ConfigureAwait(false))
            {
                if (item["id"]?.GetValue<string>() is { } id && item["type"]?.GetValue<string>() is { } type)
                {
                    var objectId = item["data"]?["object"]?["id"]?.GetValue<string>() ?? "";
                    var created = DateTimeOffset.FromUnixTimeSeconds(item["created"]?.GetValue<long>() ?? 0);
                    yield return new StripeEventPayload(id, type, objectId, created, Encoding.UTF8.GetBytes(item.ToJsonString()));
                }
            }
        }
    }

    private async IAsyncEnumerable<JsonObject> ListAsync(string path, ListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await GetAsync(path, options, cancellationToken).ConfigureAwait(false);
            string? last = null;
            foreach (var item in page["data"]?.AsArray() ?? [])
            {
                if (item is JsonObject record)
                {
                    last = record["id"]?.GetValue<string>();
                    yield return record;
                }
            }

            if (page["has_more"]?.GetValue<bool>() != true || last is null)
            {
                yield break;
            }

            options.StartingAfter = last;
        }
    }

    private async Task<JsonObject?> FindAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(path, new BaseOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // Where InvoiceFacts reads it: top level before API 2025-03-31, under parent.subscription_details after.
    private static string? SubscriptionOf(JsonObject invoice) => Id(invoice["subscription"]) ?? Id(invoice["parent"]?["subscription_details"]?["subscription"]);

    private static string? Id(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var id) && id.Length > 0 => id,
        JsonObject expanded => expanded["id"]?.GetValue<string>(),
        _ => null,
    };

    private async Task<JsonObject> GetAsync(string path, BaseOptions options, CancellationToken cancellationToken)
    {
        await using var stream = await stripe.Client.RequestStreamingAsync(HttpMethod.Get, path, options, null, cancellationToken).ConfigureAwait(false);
        return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false))?.AsObject()
            ?? throw new InvalidOperationException($"Stripe answered GET {path} with an empty body.");
    }

    private static DateRangeOptions Range(DateTimeOffset from, DateTimeOffset to) =>
        new() { GreaterThanOrEqual = from.UtcDateTime, LessThan = to.UtcDateTime };

    private static bool HasCustomer(JsonObject charge) => charge["customer"] switch
    {
        JsonValue value => value.TryGetValue<string>(out var id) && id.Length > 0,
        JsonObject => true,
        _ => false,
    };

    private static ReconciledObject? ToCharge(JsonObject charge) =>
        Read(charge, ReconciledObjectType.Charge, "amount", charge["created"]);

    private static ReconciledObject? ToInvoice(JsonObject invoice) =>
        Read(invoice, ReconciledObjectType.Invoice, "amount_paid", invoice["status_transitions"]?["paid_at"]);

    private static ReconciledObject? Read(JsonObject item, ReconciledObjectType type, string amountField, JsonNode? paidAt)
    {
        if (item["id"]?.GetValue<string>() is not { } id || item["currency"]?.GetValue<string>() is not { } currency)
        {
            return null;
        }

        var minor = item[amountField]?.GetValue<long>() ?? 0;
        DateTimeOffset? paid = paidAt is JsonValue v && v.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        return new ReconciledObject(id, type, Money.ToMajorUnits(minor, currency), Money.ToIsoCode(currency), item["status"]?.GetValue<string>() ?? "", paid);
    }
}
