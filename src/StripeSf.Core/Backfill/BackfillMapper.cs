using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Stripe;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Maps a Stripe object read by the backfill with the same facts and flows as the webhooks: it is
/// wrapped in the event its current state stands for (<see cref="BackfillSource.EventFor"/>: a
/// customer → <c>customer.updated</c>, a paid invoice → <c>invoice.paid</c>…) created at the moment
/// it was read, planned by the production pipeline (<see cref="EventPlanner"/>, no network, the flow
/// table's planner for that type), and each upsert by external id of the plan becomes a Bulk row.
/// <para>
/// Guards. The object's own records (the Contact, the Opportunity, the payment entry, the invoice,
/// the Case…) carry the read time: a live event created after the read wins, one created before it
/// loses, whichever is processed first. The Account groups a child object writes (roll-ups: last
/// payment, billing status, subscription/MRR, health) summarise every object of the customer; the
/// backfill writes them from the customer's newest object only (<see cref="BackfillRollups"/>) and
/// stamps them with the moment the run started reading (<paramref name="rollupAt"/> of
/// <see cref="MapAsync"/>), the time as of which "newest" is true: every object created or changed
/// after it has a webhook event created after it, which wins; every older one was listed by the run.
/// A read-time guard would let an old object on a late page (read later) overwrite a newer one.
/// </para>
/// <para>
/// References. A subrequest that reads a record in the same call has no Bulk form. The one the
/// dispute flow makes — the charge entry's Account — is resolved from the dispute's expanded charge:
/// a lookup to it becomes a lookup by the customer's id, an update of it an upsert by that id. Rows
/// with another reference (the failed-payment Task's owner, the superseded-Opportunity cleanup of deal
/// closing) are left out, as are the email-matching
/// claims (see <see cref="BackfillContactClaims"/>) and upserts that would send nothing but the key.
/// </para>
/// </summary>
public sealed class BackfillMapper(EventPlanner planner, SalesforceMappingOptions mapping)
{
    /// <summary>The Account guard fields of the roll-up groups, in the order <see cref="BackfillRollups"/> keeps them.</summary>
    public IReadOnlyList<string> RollupGuards { get; } =
        [mapping.Account.SubscriptionEventAt, mapping.Account.BillingEventAt, mapping.Account.PaymentEventAt, mapping.Account.HealthEventAt, mapping.Account.CustomerEventAt];

    /// <summary>
    /// The rows for <paramref name="stripeObject"/> read at <paramref name="readAt"/> (roll-ups guarded by
    /// <paramref name="rollupAt"/>), or the reason there are none.
    /// </summary>
    public async Task<(IReadOnlyList<BackfillRow> Rows, string? Skipped)> MapAsync(string objectType, JsonObject stripeObject, DateTimeOffset readAt, DateTimeOffset rollupAt, CancellationToken cancellationToken)
    {
        var id = stripeObject["id"]?.GetValue<string>() ?? throw new ArgumentException("a Stripe object without an id", nameof(stripeObject));
        var (eventType, eventObject, skipped) = BackfillSource.EventFor(objectType, stripeObject);
        if (eventType is null || eventObject is null)
        {
            return ([], skipped);
        }

        var created = readAt.ToUnixTimeSeconds();
        var envelope = new JsonObject
        {
            ["id"] = $"evt_backfill_{id}_{created.ToString(CultureInfo.InvariantCulture)}",
            ["object"] = "event",
            // Objects are read with Stripe.net, which pins its API version on every request.
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = created,
            ["livemode"] = stripeObject["livemode"]?.DeepClone() ?? false,
            ["type"] = eventType,
            ["data"] = new JsonObject { ["object"] = eventObject.DeepClone() },
        };
        var plan = await planner.PlanAsync(Encoding.UTF8.GetBytes(envelope.ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (plan.Outcome != EventPlan.Write)
        {
            return ([], $"{plan.Outcome}: {plan.Detail}");
        }

        var customerId = BackfillSource.CustomerOf(objectType, stripeObject);
        var accountReferences = plan.Salesforce.Subrequests
            .Where(s => s.Method == "GET" && s.Target is { } t && t.SObject == mapping.Payment.Object && t.ExternalIdField == mapping.Payment.ExternalId)
            .Select(s => CompositePlanBuilder.Ref(s.ReferenceId, BillingLookup.IdField(mapping.Payment.AccountRelationship)))
            .ToHashSet(StringComparer.Ordinal);
        var eventStamp = SalesforceValues.DateTime(DateTimeOffset.FromUnixTimeSeconds(created));
        var rollupStamp = SalesforceValues.DateTime(DateTimeOffset.FromUnixTimeSeconds(Math.Min(created, rollupAt.ToUnixTimeSeconds())));
        var rows = new List<BackfillRow>();
        foreach (var subrequest in plan.Salesforce.Subrequests)
        {
            // Update-only writes (a customer whose Lead holds the person) are left out: a Bulk upsert would
            // create what they must never create.
            if (subrequest.Method != "PATCH" || subrequest.Body is null || subrequest.Target is not { UpdateOnly: false } target)
            {
                continue;
            }

            var (field, externalId) = target switch
            {
                { ExternalIdField: { } f, Key: { } k } => (f, k),
                // The dispute flow's update of the Account found through the charge entry.
                { ExternalIdField: null, Key: { } k } when customerId is not null && target.SObject == mapping.Account.Object && accountReferences.Contains(k) => (mapping.Account.ExternalId, customerId),
                // An update of a record whose Id the event names (the Opportunity a subscription's metadata closes): Bulk upserts by Id.
                { ExternalIdField: null, Key: { } k } when !k.StartsWith("@{", StringComparison.Ordinal) => ("Id", k),
                _ => (null, null),
            };
            if (field is null || externalId is null)
            {
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal) { [field] = externalId };
            if (!Flatten(subrequest.Body, "", cells, accountReferences, customerId) || cells.Count == 1)
            {
                continue;
            }

            var rollup = objectType != BackfillObjects.Customers && target.SObject == mapping.Account.Object;
            if (rollup)
            {
                foreach (var guard in RollupGuards)
                {
                    if (cells.TryGetValue(guard, out var stamp) && stamp == eventStamp)
                    {
                        cells[guard] = rollupStamp;
                    }
                }
            }

            rows.Add(new BackfillRow(subrequest.ReferenceId, target.SObject, field, externalId, cells) { Rollup = rollup });
        }

        return (rows, rows.Count == 0 ? "nothing to upsert" : null);
    }

    // False when the body holds a reference to another subrequest's result that has no Bulk form.
    private bool Flatten(JsonObject body, string prefix, Dictionary<string, string> cells, HashSet<string> accountReferences, string? customerId)
    {
        foreach (var (name, value) in body)
        {
            switch (value)
            {
                case JsonObject nested:
                    // A lookup by external id ({"Account": {"Stripe_Customer_Id__c": "cus_1"}}) is the column Account.Stripe_Customer_Id__c.
                    if (!Flatten(nested, prefix + name + ".", cells, accountReferences, customerId))
                    {
                        return false;
                    }

                    break;
                case null:
                    cells[prefix + name] = "#N/A";
                    break;
                // A reference to another subrequest's result, whole or mid-text (the identity ladder's ambiguity
                // Task), has no Bulk form; only the dispute flow's whole-value Account reference is resolved.
                case JsonValue v when v.TryGetValue<string>(out var text) && text.Contains("@{", StringComparison.Ordinal):
                    if (customerId is null || !accountReferences.Contains(text))
                    {
                        return false;
                    }

                    // AccountId = @{charge.Account__c} → Account.Stripe_Customer_Id__c = the charge's customer.
                    cells[$"{prefix}{RelationshipOf(name)}.{mapping.Account.ExternalId}"] = customerId;
                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    cells[prefix + name] = text;
                    break;
                default:
                    cells[prefix + name] = value.ToJsonString();
                    break;
            }
        }

        return true;
    }

    // The relationship of a lookup field, the inverse of BillingLookup.IdField: Account__c → Account__r, AccountId → Account.
    private static string RelationshipOf(string idField) =>
        idField.EndsWith("__c", StringComparison.Ordinal) ? string.Concat(idField.AsSpan(0, idField.Length - 3), "__r")
        : idField.EndsWith("Id", StringComparison.Ordinal) ? idField[..^2] : idField;
}
