using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;
using StripeSf.Core.Reconciliation;

namespace StripeSf.Core.Backfill;

/// <summary>
/// How many objects of a type the backfill will read, as far as Stripe can say: its Search API
/// (<c>GET /v1/{type}/search?query=created&gt;=…&amp;limit=1&amp;expand[]=total_count</c>, one call per type at
/// the start of its list) counts customers, subscriptions, invoices and charges. The count is an
/// estimate: search is eventually consistent (objects appear in it within about a minute) and
/// <c>total_count</c> is accurate up to <see cref="Cap"/>. Refunds and disputes have no search, so
/// no count. A refused or failed count (a restricted key without search, a 4xx or 5xx) is no count
/// either: it never fails the backfill.
/// </summary>
public sealed class BackfillTotals(ReconciliationStripeClient stripe)
{
    /// <summary>Stripe's <c>total_count</c> is accurate up to this many objects; a count at the cap means "at least".</summary>
    public const long Cap = 10_000;

    /// <summary>Whether Stripe can count <paramref name="objectType"/> (it has a search API).</summary>
    public static bool Countable(string objectType) =>
        objectType is BackfillObjects.Customers or BackfillObjects.Subscriptions or BackfillObjects.Invoices or BackfillObjects.Charges;

    /// <summary>The search query of the objects a list created since <paramref name="since"/> reads (everything: <c>created&gt;0</c>).</summary>
    public static string Query(DateTimeOffset? since) =>
        since is { } s ? $"created>={s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}" : "created>0";

    /// <summary>The estimated number of <paramref name="objectType"/> objects created since <paramref name="since"/>, or null when Stripe cannot or did not say.</summary>
    public async Task<long?> EstimateAsync(string objectType, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        if (!Countable(objectType))
        {
            return null;
        }

        var options = new BaseOptions();
        options.AddExtraParam("query", Query(since));
        options.AddExtraParam("limit", "1");
        options.AddExpand("total_count");
        try
        {
            await using var stream = await stripe.Client.RequestStreamingAsync(HttpMethod.Get, $"/v1/{objectType}/search", options, null, cancellationToken).ConfigureAwait(false);
            var page = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return page?["total_count"] is JsonValue value && value.TryGetValue<long>(out var total) && total >= 0 ? total : null;
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException or JsonException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The count only feeds the ETA: without it the bar shows counts and the rate.
            return null;
        }
    }
}
