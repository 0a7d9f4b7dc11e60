using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stripe;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Maps a Stripe object read by the backfill with the same facts and flows as the webhooks: it is
/// wrapped in the event its current state stands for (a customer → <c>customer.updated</c>) created
/// at the moment it was read, planned by the production pipeline (<see cref="EventPlanner"/>, no
/// network), and each upsert by external id of the plan becomes a Bulk row. The read time is the
/// event time, so every row carries it as its stale guard: a live event created after the read
/// wins, one created before it loses, whichever is processed first.
/// </summary>
public sealed class BackfillMapper(EventPlanner planner)
{
    /// <summary>The event type whose flow writes an object of <paramref name="objectType"/>.</summary>
    public static string EventTypeFor(string objectType) => objectType switch
    {
        BackfillObjects.Customers => "customer.updated",
        _ => throw new ArgumentException($"{objectType} cannot be backfilled yet", nameof(objectType)),
    };

    /// <summary>The rows for <paramref name="stripeObject"/> read at <paramref name="readAt"/>, or the reason there are none.</summary>
    public async Task<(IReadOnlyList<BackfillRow> Rows, string? Skipped)> MapAsync(string objectType, JsonObject stripeObject, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        var id = stripeObject["id"]?.GetValue<string>() ?? throw new ArgumentException("a Stripe object without an id", nameof(stripeObject));
        var created = readAt.ToUnixTimeSeconds();
        var envelope = new JsonObject
        {
            ["id"] = $"evt_backfill_{id}_{created.ToString(CultureInfo.InvariantCulture)}",
            ["object"] = "event",
            // Objects are read with Stripe.net, which pins its API version on every request.
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = created,
            ["livemode"] = stripeObject["livemode"]?.DeepClone() ?? false,
            ["type"] = EventTypeFor(objectType),
            ["data"] = new JsonObject { ["object"] = stripeObject.DeepClone() },
        };
        var plan = await planner.PlanAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (plan.Outcome != EventPlan.Write)
        {
            return ([], $"{plan.Outcome}: {plan.Detail}");
        }

        var rows = new List<BackfillRow>();
        var references = plan.Salesforce.Subrequests.Select(r => $"@{{{r.ReferenceId}.").ToArray();
        foreach (var subrequest in plan.Salesforce.Subrequests)
        {
            // A body that reads an earlier subrequest's result (the identity ladder's ambiguity Task) has no Bulk form either.
            if (subrequest.Body?.ToJsonString() is { } json && references.Any(r => json.Contains(r, StringComparison.Ordinal)))
            {
                continue;
            }

            // Upserts by external id only. The identity ladder (queries and updates by reference) has no
            // Bulk form and is left out, and so are update-only writes (a customer whose Lead holds the
            // person): a Bulk upsert would create what they must never create.
            if (subrequest.Method != "PATCH" || subrequest.Body is null || subrequest.Target is not { ExternalIdField: { } field, Key: { } externalId, UpdateOnly: false } target)
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal) { [field] = externalId };
            Flatten(subrequest.Body, "", cells);
            rows.Add(new BackfillRow(subrequest.ReferenceId, target.SObject, field, externalId, cells));
        }

        return (rows, rows.Count == 0 ? "nothing to upsert" : null);
    }

    private static void Flatten(JsonObject body, string prefix, Dictionary<string, string> cells)
    {
        foreach (var (name, value) in body)
        {
            switch (value)
            {
                case JsonObject nested:
                    // A lookup by external id ({"Account": {"Stripe_Customer_Id__c": "cus_1"}}) is the column Account.Stripe_Customer_Id__c.
                    Flatten(nested, prefix + name + ".", cells);
                    break;
                case null:
                    cells[prefix + name] = "#N/A";
                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    cells[prefix + name] = text;
                    break;
                default:
                    cells[prefix + name] = value.ToJsonString();
                    break;
            }
        }
    }
}
