using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Upserts the Account (by Stripe customer id) that an event's records hang on, in the same
/// composite request, so no handler waits for another queue. The Account's Name is sent only when
/// the processor says the Account must be created (<see cref="StripeEventContext.IncludeCreateFields"/>),
/// so a name sales gave the Account is never overwritten by Stripe's.
/// </summary>
public sealed class AccountWriter(IOptions<SalesforceMappingOptions> options)
{
    /// <summary>Adds the Account upsert with <paramref name="fields"/> (one field group and its <c>*_Event_At__c</c>).</summary>
    public void Upsert(CompositePlanBuilder plan, StripeEventContext context, string referenceId, string customerId, JsonObject fields, string? nameIfCreated)
    {
        var account = options.Value.Account;
        if (context.IncludeCreateFields && !context.AccountMatched)
        {
            fields[account.Name] = string.IsNullOrWhiteSpace(nameIfCreated) ? $"Stripe customer {customerId}" : nameIfCreated;
        }

        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, fields);
    }

    /// <summary>The lookup value that ties a child record to the Account by its external id.</summary>
    public JsonObject Lookup(string customerId) => CompositePlanBuilder.ByExternalId(options.Value.Account.ExternalId, customerId);
}
