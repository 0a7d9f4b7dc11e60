using System.Runtime.CompilerServices;
using System.Text.Json;
using Stripe;
using StripeSf.Core.Facts;

namespace StripeSf.Core.Renewals;

/// <summary>
/// Lists the active subscriptions (<c>GET /v1/subscriptions?status=active</c>, 100 per page,
/// <c>starting_after</c>) as raw JSON read into <see cref="SubscriptionFacts"/>, so every API version's
/// shape is read where the webhook payloads are.
/// </summary>
public sealed class StripeRenewalReader(RenewalsStripeClient stripe)
{
    /// <summary>Objects per list page (Stripe's maximum).</summary>
    public const int PageSize = 100;

    /// <summary>Every active subscription, page by page; <paramref name="pages"/> is told each page read.</summary>
    public async IAsyncEnumerable<SubscriptionFacts> ActiveSubscriptionsAsync(IProgress<int>? pages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new SubscriptionListOptions { Status = "active", Limit = PageSize };
        for (var page = 1; ; page++)
        {
            using var document = await GetAsync(options, cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            string? last = null;
            foreach (var item in root.GetProperty("data").EnumerateArray())
            {
                var facts = SubscriptionFacts.From(item.Clone(), ApiVersion);
                last = facts.Id;
                yield return facts;
            }

            pages?.Report(page);
            if (!root.TryGetProperty("has_more", out var more) || more.ValueKind != JsonValueKind.True || last is null)
            {
                yield break;
            }

            options.StartingAfter = last;
        }
    }

    // Stripe.net sends the API version it is pinned to, so the list arrives in that shape.
    private static readonly StripeApiVersion? ApiVersion = StripeApiVersion.Parse(StripeConfiguration.ApiVersion);

    private async Task<JsonDocument> GetAsync(SubscriptionListOptions options, CancellationToken cancellationToken)
    {
        await using var stream = await stripe.Client.RequestStreamingAsync(HttpMethod.Get, "/v1/subscriptions", options, null, cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
