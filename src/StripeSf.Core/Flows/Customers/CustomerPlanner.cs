using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Customers;

/// <summary>
/// customer.* → the Account (customer field group) and a Contact, both upserted by the Stripe
/// customer id. Stripe values only fill what Stripe knows: a missing email or phone never clears
/// what sales entered, and the Contact's fallback last name (email or id) is sent only when the
/// Contact has to be created.
/// </summary>
internal sealed class CustomerPlanner(SalesforceMappingOptions options, AccountWriter accounts)
{
    /// <summary>The plan for a customer event; <paramref name="deleted"/> adds the deletion marker.</summary>
    public CompositeRequest Plan(StripeEventContext context, bool deleted)
    {
        if (!options.Flows.Customers)
        {
            return CompositeRequest.Empty;
        }

        var customer = context.DataObject;
        var customerId = customer.Required("customer", "id");
        var name = customer.Str("name");
        var email = customer.Str("email");
        var eventAt = SalesforceValues.DateTime(context.Created);
        var plan = new CompositePlanBuilder();

        var account = new JsonObject { [options.Account.CustomerEventAt] = eventAt };
        if (deleted && options.Account.CustomerDeletedAt is { Length: > 0 } deletedAt)
        {
            account[deletedAt] = eventAt;
        }

        accounts.Upsert(plan, context, "account", customerId, account, name ?? email ?? customerId);
        plan.Upsert("contact", options.Contact.Object, options.Contact.ExternalId, customerId, ContactFields(context, customerId, name, email, eventAt));

        // Not all-or-none: the Contact names its Account by external id, not by a reference, so a
        // stale (skipped) Account write must not undo a Contact write that is still current.
        return plan.Build();
    }

    private JsonObject ContactFields(StripeEventContext context, string customerId, string? name, string? email, string eventAt)
    {
        var map = options.Contact;
        var fields = new JsonObject { [map.AccountRelationship] = accounts.Lookup(customerId) };
        if (map.CustomerEventAt is { Length: > 0 })
        {
            fields[map.CustomerEventAt] = eventAt;
        }

        if (email is not null)
        {
            fields[map.Email] = email;
        }

        if (context.DataObject.Str("phone") is { } phone)
        {
            fields[map.Phone] = phone;
        }

        var names = ContactName.From(name) ?? (context.IncludeCreateFields ? ContactName.Fallback(email, customerId) : null);
        if (names is not null)
        {
            fields[map.FirstName] = names.FirstName;
            fields[map.LastName] = names.LastName;
        }

        return fields;
    }
}
