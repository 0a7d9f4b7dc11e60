using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Upserts the Account (by Stripe customer id) that an event's records hang on, in the same
/// composite request, so no handler waits for another queue. Who may set the Account's Name is
/// encoded in its customer event time, which the shipped stale-event rule guards: a placeholder
/// (written by any event that finds no Account) carries the epoch; a customer event's name carries
/// the epoch + 1 s, so it replaces a placeholder but nothing newer; an Account attached to a
/// customer by email matching carries the epoch + 2 s, so Stripe never renames what sales named.
/// </summary>
public sealed class AccountWriter(IOptions<SalesforceMappingOptions> options)
{
    /// <summary>Customer event time of a placeholder Account.</summary>
    public static readonly DateTimeOffset PlaceholderNameAt = DateTimeOffset.UnixEpoch;

    /// <summary>Customer event time that comes with the name a customer event writes.</summary>
    public static readonly DateTimeOffset CustomerNameAt = DateTimeOffset.UnixEpoch.AddSeconds(1);

    /// <summary>Customer event time stamped on an existing Account attached by email matching.</summary>
    public static readonly DateTimeOffset MatchedNameAt = DateTimeOffset.UnixEpoch.AddSeconds(2);

    /// <summary>Adds the Account upsert with <paramref name="fields"/> (one field group and its <c>*_Event_At__c</c>).</summary>
    public void Upsert(CompositePlanBuilder plan, StripeEventContext context, string referenceId, string customerId, JsonObject fields, string? nameIfCreated)
    {
        if (context.MustCreate(referenceId) && !context.AccountMatched)
        {
            // Created under a placeholder in a subrequest of its own: between this event's first try
            // and its retry a customer event may have created the Account with its real name.
            Name(plan, $"{referenceId}Create", customerId, string.IsNullOrWhiteSpace(nameIfCreated) ? $"Stripe customer {customerId}" : nameIfCreated, PlaceholderNameAt);
        }

        var account = options.Value.Account;
        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, fields);
    }

    /// <summary>
    /// The customer's name on its Account: creates the Account when missing and replaces a placeholder;
    /// refused as stale (done) when the Account's name is a customer's or was matched from sales' records.
    /// </summary>
    public void NameFromCustomer(CompositePlanBuilder plan, StripeEventContext context, string referenceId, string customerId, string name)
    {
        if (!context.AccountMatched)
        {
            Name(plan, referenceId, customerId, name, CustomerNameAt);
        }
    }

    /// <summary>The lookup value that ties a child record to the Account by its external id.</summary>
    public JsonObject Lookup(string customerId) => CompositePlanBuilder.ByExternalId(options.Value.Account.ExternalId, customerId);

    private void Name(CompositePlanBuilder plan, string referenceId, string customerId, string name, DateTimeOffset at)
    {
        var account = options.Value.Account;
        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, new JsonObject
        {
            [account.Name] = name,
            [account.CustomerEventAt] = SalesforceValues.DateTime(at),
        });
    }
}
