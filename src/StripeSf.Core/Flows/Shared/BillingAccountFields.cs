using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// The Account's billing facts. Each is a guard group of its own — Billing Status under
/// <c>Stripe_Billing_Event_At__c</c>, Last Payment Date under <c>Stripe_Payment_Event_At__c</c>,
/// Customer Health under <c>Stripe_Health_Event_At__c</c> — and each group is its own subrequest: a
/// stale rejection refuses a whole subrequest, so a fact may only share a guard (and a subrequest)
/// with fields every writer of that guard writes. Otherwise an older event refused as stale would
/// lose its fact for good whenever a newer event about another fact was processed first (an
/// <c>invoice.paid</c> after the <c>charge.succeeded</c> created a second later). An event that
/// states no fact of a group leaves the group, guard included, alone: advancing a guard without a
/// fact would make an older but still-true fact (a payment failure) look stale and be dropped.
/// </summary>
internal sealed class BillingAccountFields(AccountMap map)
{
    private string? _status;
    private DateTimeOffset? _lastPayment;
    private string? _health;

    /// <summary>The Last Payment Date (a Date field).</summary>
    public BillingAccountFields LastPayment(DateTimeOffset paidAt)
    {
        _lastPayment = paidAt;
        return this;
    }

    /// <summary>The Billing Status picklist value.</summary>
    public BillingAccountFields Status(string value)
    {
        _status = value;
        return this;
    }

    /// <summary>The Customer Health picklist value, when the event's facts decide it.</summary>
    public BillingAccountFields Health(string? value)
    {
        _health = value ?? _health;
        return this;
    }

    /// <summary>The groups the event states, each with its guard at the event time (empty when it states none).</summary>
    public IReadOnlyList<(string Name, JsonObject Fields)> Groups(DateTimeOffset eventCreated)
    {
        var at = SalesforceValues.DateTime(eventCreated);
        var groups = new List<(string, JsonObject)>();
        if (_status is not null)
        {
            groups.Add(("BillingStatus", new JsonObject { [map.BillingStatus] = _status, [map.BillingEventAt] = at }));
        }

        if (_lastPayment is { } paid)
        {
            groups.Add(("Payment", new JsonObject { [map.LastPaymentDate] = SalesforceValues.Date(paid), [map.PaymentEventAt] = at }));
        }

        if (_health is not null)
        {
            groups.Add(("Health", new JsonObject { [map.HealthEventAt] = at, [map.CustomerHealth] = _health, [map.HealthBasis] = _health }));
        }

        return groups;
    }

    /// <summary>
    /// Upserts the Account as <paramref name="referenceId"/> with the first group (an empty body when the
    /// event states none: the Account is only ensured to exist), and every further group in a subrequest
    /// of its own (<c>{referenceId}{group}</c>) after it, which therefore never needs create fields.
    /// </summary>
    public void Upsert(AccountWriter accounts, CompositePlanBuilder plan, StripeEventContext context, string referenceId, string customerId, string? nameIfCreated)
    {
        var groups = Groups(context.Created);
        accounts.Upsert(plan, referenceId, customerId, groups.Count > 0 ? groups[0].Fields : [], nameIfCreated);
        foreach (var (name, fields) in groups.Skip(1))
        {
            accounts.UpsertGroup(plan, referenceId + name, customerId, fields);
        }
    }
}
