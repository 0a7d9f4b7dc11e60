using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Core.Matching;

namespace StripeSf.Core.Flows.Customers;

/// <summary>
/// The customer's Account and Contact writes, by the Stripe customer id: upserts, or — for a customer
/// whose metadata names a Lead — update-only writes that reach only records already linked to it
/// (an open Lead's customer answers NOT_FOUND, which is done: <see cref="IdentityRules.LeadNotConverted"/>).
/// </summary>
internal sealed class CustomerWrites(SalesforceMappingOptions options, CompositePlanBuilder plan, string customerId, bool updateOnly)
{
    /// <summary>A write of the customer's Account.</summary>
    public void Account(string referenceId, JsonObject fields) => Write(referenceId, options.Account.Object, options.Account.ExternalId, fields);

    /// <summary>A write of the customer's Contact.</summary>
    public void Contact(string referenceId, JsonObject fields) => Write(referenceId, options.Contact.Object, options.Contact.ExternalId, fields);

    private void Write(string referenceId, string sObject, string externalId, JsonObject fields)
    {
        if (updateOnly)
        {
            plan.UpdateByExternalId(referenceId, sObject, externalId, customerId, fields, IdentityRules.LeadNotConverted);
        }
        else
        {
            plan.Upsert(referenceId, sObject, externalId, customerId, fields);
        }
    }
}
