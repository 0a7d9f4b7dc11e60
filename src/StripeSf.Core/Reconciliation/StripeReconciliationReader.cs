using System.Runtime.CompilerServices;
using System.Text;
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

    /// <summary>Succeeded charges with a customer created in the window (guest charges have no Salesforce record by design).</summary>
    public async Task<IReadOnlyList<ReconciledObject>> ChargesAsync(ReconciliationWindow window, CancellationToken cancellationToken)
    {
        var options = new ChargeListOptions { Created = Range(window.Start, window.End), Limit = 100 };
        var charges = new List<ReconciledObject>();
        await foreach (var item in ListAsync("/v1/charges", options, cancellationToken).ConfigureAwait(false))
        {
            if (ToCharge(item) is { } charge && charge.Status == "succeeded" && HasCustomer(item) && window.Contains(charge.PaidAt!.Value))
            {
                charges.Add(charge);
            }
        }

        return charges;
    }

    /// <summary>
    /// Invoices paid (status_transitions.paid_at) in the window. Stripe filters lists by creation
    /// only, so invoices created up to <paramref name="lookbackDays"/> before the window are listed
    /// and filtered here: Salesforce's Paid_At__c is the payment time, and both sides must use the same clock.
    /// </summary>
    public async Task<IReadOnlyList<ReconciledObject>> PaidInvoicesAsync(ReconciliationWindow window, int lookbackDays, CancellationToken cancellationToken)
    {
        var options = new InvoiceListOptions { Status = "paid", Created = Range(window.Start.AddDays(-lookbackDays), window.End), Limit = 100 };
        var invoices = new List<ReconciledObject>();
        await foreach (var item in ListAsync("/v1/invoices", options, cancellationToken).ConfigureAwait(false))
        {
            if (ToInvoice(item) is { Status: "paid", PaidAt: { } paidAt } invoice && window.Contains(paidAt))
            {
                invoices.Add(invoice);
            }
        }

        return invoices;
    }

    /// <summary>One charge or invoice by id, or null when Stripe does not know it (404).</summary>
    public async Task<ReconciledObject?> RetrieveAsync(ReconciledObjectType type, string id, CancellationToken cancellationToken)
    {
        var path = type == ReconciledObjectType.Charge ? "/v1/charges/" : "/v1/invoices/";
        try
        {
            var item = await GetAsync(path + Uri.EscapeDataString(id), new BaseOptions(), cancellationToken).ConfigureAwait(false);
            return type == ReconciledObjectType.Charge ? ToCharge(item) : ToInvoice(item);
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// The latest <c>charge.succeeded</c> / <c>invoice.paid</c> event per object id, created at or
    /// after <paramref name="since"/>. Stripe keeps events for 30 days.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, StripeEventPayload>> RepairEventsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var options = new EventListOptions { Types = [.. RepairEventTypes], Created = new DateRangeOptions { GreaterThanOrEqual = since.UtcDateTime }, Limit = 100 };
        var events = new Dictionary<string, StripeEventPayload>(StringComparer.Ordinal);
        await foreach (var item in ListAsync("/v1/events", options, cancellationToken).ConfigureAwait(false))
        {
            var objectId = item["data"]?["object"]?["id"]?.GetValue<string>();
            var id = item["id"]?.GetValue<string>();
            var type = item["type"]?.GetValue<string>();
            if (objectId is null || id is null || type is null)
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
