using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Renewals;

/// <summary>The open renewal Opportunity the sweep creates, pre-filled with the subscription's current terms.</summary>
internal static class RenewalOpportunity
{
    /// <summary>
    /// The sweep's stale-guard time: after the create-only epoch (so the period roll's create-only
    /// subrequest never renames or re-parents the sweep's renewal) and older than every real event, so
    /// the roll (Won) and a cancellation (Lost) always win, and a sweep racing them is refused as stale.
    /// </summary>
    public static readonly DateTimeOffset SweepEventAt = SubscriptionRecords.CreateOnlyEventAt.AddSeconds(2);

    public static JsonObject Fields(RenewalCandidate candidate, RenewalAccount account, SalesforceMappingOptions mapping, RenewalStages stages)
    {
        var o = mapping.Opportunity;
        var fields = new JsonObject
        {
            [o.RenewalKey] = candidate.Key,
            [o.Name] = candidate.Name,
            [o.Type] = o.TypeRenewal,
            [o.StageName] = stages.Open,
            [o.CloseDate] = SalesforceValues.Date(candidate.Term.End),
            [o.Amount] = candidate.Acv,
            [o.Mrr] = candidate.Mrr,
            [o.Arr] = candidate.Arr,
            [o.LastEventAt] = SalesforceValues.DateTime(SweepEventAt),
            [o.AccountRelationship] = new JsonObject { [mapping.Account.ExternalId] = account.CustomerId },
        };
        if (account.OwnerId is { } owner)
        {
            fields["OwnerId"] = owner;
        }

        if (mapping.UseCurrencyIsoCode && candidate.Currency is { } currency)
        {
            fields["CurrencyIsoCode"] = currency;
        }

        return fields;
    }
}
