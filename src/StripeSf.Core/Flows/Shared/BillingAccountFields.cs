using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// The Account's billing field group. Only an event that states a billing fact writes the group,
/// always with <c>Stripe_Billing_Event_At__c</c>: an event that merely needs the Account to exist
/// (a failed charge, a finalized invoice) sends an empty body, because advancing the guard without a
/// fact would make an older but still-true fact (a payment failure) look stale and be dropped.
/// </summary>
internal sealed class BillingAccountFields(AccountMap map)
{
    private readonly JsonObject _fields = [];

    /// <summary>The Last Payment Date (a Date field).</summary>
    public BillingAccountFields LastPayment(DateTimeOffset paidAt)
    {
        _fields[map.LastPaymentDate] = SalesforceValues.Date(paidAt);
        return this;
    }

    /// <summary>The Billing Status picklist value.</summary>
    public BillingAccountFields Status(string value)
    {
        _fields[map.BillingStatus] = value;
        return this;
    }

    /// <summary>The Customer Health picklist value, when the event's facts decide it.</summary>
    public BillingAccountFields Health(string? value)
    {
        if (value is not null)
        {
            _fields[map.CustomerHealth] = value;
        }

        return this;
    }

    /// <summary>The fields to send: empty when no fact was set, else the facts plus the event time.</summary>
    public JsonObject Build(DateTimeOffset eventCreated)
    {
        if (_fields.Count > 0)
        {
            _fields[map.BillingEventAt] = SalesforceValues.DateTime(eventCreated);
        }

        return _fields;
    }
}
