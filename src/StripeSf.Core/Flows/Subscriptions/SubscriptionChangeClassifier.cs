using System.Text.Json;
using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Names what a <c>customer.subscription.updated</c> event changed, from the subscription now and
/// <c>data.previous_attributes</c> (the old values of the fields that changed). Pure: no I/O.
/// </summary>
/// <remarks>
/// One event can touch several fields; the first rule that matches names it, in this order:
/// trial conversion, pause/resume, scheduled cancellation/reactivation, item changes
/// (upgrade/downgrade/plan change/quantity change), renewal, other status change, other.
/// The previous subscription is the current one with <c>previous_attributes</c> laid over it, read into
/// <see cref="SubscriptionFacts"/> and priced with <see cref="MrrCalculator"/> like the current one, so
/// both API shapes work: 2020-08-27 sends <c>plan</c>/<c>quantity</c>/<c>current_period_*</c> at the
/// top, 2025-03-31.basil on inside <c>items</c>.
/// </remarks>
public static class SubscriptionChangeClassifier
{
    // Fields MRR depends on: only when one of them changed is the MRR before knowable.
    private static readonly string[] RevenueFields = ["items", "plan", "quantity", "status", "discount", "discounts"];

    /// <summary>Classifies the change from <paramref name="previousAttributes"/> to <paramref name="subscription"/>.</summary>
    /// <param name="subscription">The raw <c>data.object</c>.</param>
    /// <param name="previousAttributes">The raw <c>data.previous_attributes</c>, if any.</param>
    /// <param name="asOf">The event's created time (discounts that ended by then do not count).</param>
    public static SubscriptionChange Classify(JsonElement subscription, JsonElement? previousAttributes, DateTimeOffset asOf)
    {
        var now = SubscriptionFacts.From(subscription);
        return Classify(now, MrrCalculator.Calculate(now, asOf), subscription, previousAttributes, asOf);
    }

    /// <summary>Classifies with the current subscription already read (<paramref name="now"/>) and priced (<paramref name="after"/>, at <paramref name="asOf"/>).</summary>
    internal static SubscriptionChange Classify(
        SubscriptionFacts now, RecurringRevenue after, JsonElement subscription, JsonElement? previousAttributes, DateTimeOffset asOf)
    {
        if (previousAttributes is not { ValueKind: JsonValueKind.Object } previousElement)
        {
            return new SubscriptionChange(SubscriptionChangeKind.Other, null, after.Mrr, after.Currency);
        }

        var previous = new StripeJson(previousElement, "previous_attributes");
        var before = SubscriptionFacts.From(Overlay(subscription, previousElement));
        RecurringRevenue? beforeRevenue = RevenueFields.Any(previous.Has) ? MrrCalculator.Calculate(before, asOf) : null;
        var comparable = beforeRevenue is not null && beforeRevenue.Currency == after.Currency;
        var kind = Kind(previous, now, before, comparable ? beforeRevenue : null, after);
        return new SubscriptionChange(kind, comparable ? beforeRevenue!.Mrr : null, after.Mrr, after.Currency);
    }

    /// <summary>The subscription as it was: its top-level fields replaced by the old values Stripe sent.</summary>
    private static JsonElement Overlay(JsonElement subscription, JsonElement previous)
    {
        var before = JsonNode.Parse(subscription.GetRawText())!.AsObject();
        foreach (var field in previous.EnumerateObject())
        {
            before[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        }

        return JsonSerializer.SerializeToElement(before);
    }

    private static SubscriptionChangeKind Kind(
        StripeJson previous, SubscriptionFacts now, SubscriptionFacts before, RecurringRevenue? beforeRevenue, RecurringRevenue after)
    {
        var status = now.Status;
        var statusChanged = previous.Has("status");
        var oldStatus = previous.String("status");

        if (oldStatus == "trialing" && status is "active" or "past_due")
        {
            return SubscriptionChangeKind.TrialConversion;
        }

        if (PauseChange(now, previous, statusChanged, oldStatus, status) is { } pause)
        {
            return pause;
        }

        if (CancellationChange(now, previous) is { } cancellation)
        {
            return cancellation;
        }

        if (ItemChange(now, before, beforeRevenue, after) is { } items)
        {
            return items;
        }

        if (!statusChanged && now.CurrentPeriodStart != before.CurrentPeriodStart)
        {
            return SubscriptionChangeKind.Renewal;
        }

        return statusChanged ? SubscriptionChangeKind.StatusChange : SubscriptionChangeKind.Other;
    }

    private static SubscriptionChangeKind? PauseChange(SubscriptionFacts now, StripeJson previous, bool statusChanged, string? oldStatus, string? status)
    {
        if (statusChanged && status == "paused" && oldStatus != "paused")
        {
            return SubscriptionChangeKind.Pause;
        }

        if (statusChanged && oldStatus == "paused" && status != "paused")
        {
            return SubscriptionChangeKind.Resume;
        }

        if (!previous.Has("pause_collection"))
        {
            return null;
        }

        var wasPaused = previous.Get("pause_collection") is not null;
        var isPaused = now.CollectionPaused;
        return (wasPaused, isPaused) switch
        {
            (false, true) => SubscriptionChangeKind.Pause,
            (true, false) => SubscriptionChangeKind.Resume,
            _ => null,
        };
    }

    private static SubscriptionChangeKind? CancellationChange(SubscriptionFacts now, StripeJson previous)
    {
        if (previous.Has("cancel_at_period_end"))
        {
            var was = previous.Bool("cancel_at_period_end") ?? false;
            var isNow = now.CancelAtPeriodEnd;
            if (was != isNow)
            {
                return isNow ? SubscriptionChangeKind.CancelAtPeriodEnd : SubscriptionChangeKind.Reactivation;
            }
        }

        if (previous.Has("cancel_at"))
        {
            // A cancel_at moved to another date is still a scheduled cancellation.
            return now.CancelAt is null
                ? SubscriptionChangeKind.Reactivation
                : SubscriptionChangeKind.CancelAtPeriodEnd;
        }

        return null;
    }

    private static SubscriptionChangeKind? ItemChange(SubscriptionFacts now, SubscriptionFacts before, RecurringRevenue? beforeRevenue, RecurringRevenue after)
    {
        var nowLines = Lines(now);
        var beforeLines = Lines(before);
        var nowPrices = nowLines.Select(l => l.Price).Order(StringComparer.Ordinal).ToList();
        var beforePrices = beforeLines.Select(l => l.Price).Order(StringComparer.Ordinal).ToList();
        if (!nowPrices.SequenceEqual(beforePrices))
        {
            // Potential MRR compares the prices themselves, so a plan change during a trial (0 MRR
            // either side) still reads as an upgrade or downgrade.
            var delta = after.PotentialMrr - (beforeRevenue?.PotentialMrr ?? after.PotentialMrr);
            return delta > 0m ? SubscriptionChangeKind.Upgrade
                : delta < 0m ? SubscriptionChangeKind.Downgrade
                : SubscriptionChangeKind.PlanChange;
        }

        return nowLines.Order().SequenceEqual(beforeLines.Order()) ? null : SubscriptionChangeKind.QuantityChange;
    }

    private static List<(string Price, long Quantity)> Lines(SubscriptionFacts subscription) =>
        [.. subscription.Items.Select(item => (item.Price?.Id ?? "", item.Quantity ?? 1))];
}
