using System.Text.Json;
using System.Text.Json.Nodes;
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
/// The previous subscription is the current one with <c>previous_attributes</c> laid over it, priced
/// with <see cref="MrrCalculator"/> like the current one, so both API shapes work: 2020-08-27 sends
/// <c>plan</c>/<c>quantity</c>/<c>current_period_*</c> at the top, current versions inside <c>items</c>.
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
        var current = SubscriptionModel.ToNode(subscription);
        var after = MrrCalculator.Calculate(SubscriptionModel.Parse(current), asOf);
        if (previousAttributes is not { ValueKind: JsonValueKind.Object } previous)
        {
            return new SubscriptionChange(SubscriptionChangeKind.Other, null, after.Mrr, after.Currency);
        }

        var before = SubscriptionModel.ToNode(subscription);
        foreach (var field in previous.EnumerateObject())
        {
            before[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        }

        RecurringRevenue? beforeRevenue = RevenueFields.Any(f => JsonFields.Has(previous, f))
            ? MrrCalculator.Calculate(SubscriptionModel.Parse(before), asOf)
            : null;
        var comparable = beforeRevenue is not null && beforeRevenue.Currency == after.Currency;
        var beforeElement = JsonSerializer.SerializeToElement(before);
        var kind = Kind(subscription, previous, beforeElement, comparable ? beforeRevenue : null, after);
        return new SubscriptionChange(kind, comparable ? beforeRevenue!.Mrr : null, after.Mrr, after.Currency);
    }

    private static SubscriptionChangeKind Kind(
        JsonElement now, JsonElement previous, JsonElement before, RecurringRevenue? beforeRevenue, RecurringRevenue after)
    {
        var status = JsonFields.String(now, "status");
        var statusChanged = JsonFields.Has(previous, "status");
        var oldStatus = JsonFields.String(previous, "status");

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

        if (!statusChanged && SubscriptionFacts.Period(now).Start != SubscriptionFacts.Period(before).Start)
        {
            return SubscriptionChangeKind.Renewal;
        }

        return statusChanged ? SubscriptionChangeKind.StatusChange : SubscriptionChangeKind.Other;
    }

    private static SubscriptionChangeKind? PauseChange(JsonElement now, JsonElement previous, bool statusChanged, string? oldStatus, string? status)
    {
        if (statusChanged && status == "paused" && oldStatus != "paused")
        {
            return SubscriptionChangeKind.Pause;
        }

        if (statusChanged && oldStatus == "paused" && status != "paused")
        {
            return SubscriptionChangeKind.Resume;
        }

        if (!JsonFields.Has(previous, "pause_collection"))
        {
            return null;
        }

        var wasPaused = JsonFields.Property(previous, "pause_collection") is not null;
        var isPaused = JsonFields.Property(now, "pause_collection") is not null;
        return (wasPaused, isPaused) switch
        {
            (false, true) => SubscriptionChangeKind.Pause,
            (true, false) => SubscriptionChangeKind.Resume,
            _ => null,
        };
    }

    private static SubscriptionChangeKind? CancellationChange(JsonElement now, JsonElement previous)
    {
        if (JsonFields.Has(previous, "cancel_at_period_end"))
        {
            var was = JsonFields.Bool(previous, "cancel_at_period_end") ?? false;
            var isNow = JsonFields.Bool(now, "cancel_at_period_end") ?? false;
            if (was != isNow)
            {
                return isNow ? SubscriptionChangeKind.CancelAtPeriodEnd : SubscriptionChangeKind.Reactivation;
            }
        }

        if (JsonFields.Has(previous, "cancel_at"))
        {
            // A cancel_at moved to another date is still a scheduled cancellation.
            return JsonFields.Property(now, "cancel_at") is null
                ? SubscriptionChangeKind.Reactivation
                : SubscriptionChangeKind.CancelAtPeriodEnd;
        }

        return null;
    }

    private static SubscriptionChangeKind? ItemChange(JsonElement now, JsonElement before, RecurringRevenue? beforeRevenue, RecurringRevenue after)
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

    private static List<(string Price, long Quantity)> Lines(JsonElement subscription) =>
        [.. JsonFields.Items(subscription).Select(item => (
            JsonFields.Property(item, "price") is { } price ? JsonFields.String(price, "id") ?? ""
                : JsonFields.Property(item, "plan") is { } plan ? JsonFields.String(plan, "id") ?? "" : "",
            JsonFields.Long(item, "quantity") ?? 1))];
}
