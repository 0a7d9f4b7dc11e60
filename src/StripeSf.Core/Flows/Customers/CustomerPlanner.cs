using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Flows.Shared;
using StripeSf.Core.Mapping;
using StripeSf.Core.Matching;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Customers;

/// <summary>
/// customer.* → the Account (customer field group) and a Contact, both upserted by the Stripe
/// customer id. Each event writes the customer's whole snapshot — an email, phone or first name the
/// customer no longer has is written as null — because Account and Contact each carry the customer
/// event time, so an older event is refused per record (stale counts as done): a field a newer
/// snapshot left out would otherwise keep the older value in one delivery order and not in the other; the Account's name is written by its own guarded
/// subrequest (<see cref="AccountWriter.NameFromCustomer"/>), which also creates a missing Account.
/// Every customer event walks the identity ladder in the same call (<see cref="CustomerIdentity"/>):
/// the records carrying the Stripe id, else those the metadata names, else a unique email match
/// (current, then previous), else new records — or, for a customer that names a Lead, the Lead
/// until it is converted.
/// </summary>
internal sealed class CustomerPlanner(SalesforceMappingOptions options, AccountWriter accounts, CustomerIdentity identity)
{
    /// <summary>The plan for a customer event; <paramref name="deleted"/> adds the deletion marker.</summary>
    public WritePlan Plan(StripeEventContext context, bool deleted)
    {
        if (!options.Flows.Customers)
        {
            return WritePlan.Empty;
        }

        var customer = context.Facts.Customer();
        var customerId = customer.Id;
        var name = customer.Name;
        var email = customer.Email;
        var eventAt = SalesforceValues.DateTime(context.Created);
        var plan = new CompositePlanBuilder();

        var account = new JsonObject { [options.Account.CustomerEventAt] = eventAt };
        if (options.Account.CustomerDeletedAt is { Length: > 0 } deletedAt)
        {
            // Part of the customer group, so every customer event writes it: null while the customer exists.
            account[deletedAt] = deleted ? eventAt : null;
        }

        // A customer that names its Lead reaches only records linked to it: update-only writes, so an
        // open Lead never gets an Account and Contact next to it (the Lead holds the person).
        var leadLinked = customer.Links.LeadId is not null;
        identity.Before(plan, customer, eventAt);
        var writes = new CustomerWrites(options, plan, customerId, leadLinked);
        if (leadLinked)
        {
            writes.Account("accountName", new JsonObject { [options.Account.Name] = name ?? email ?? customerId, [options.Account.NameEventAt] = eventAt });
        }
        else
        {
            accounts.NameFromCustomer(plan, context, "accountName", customerId, name ?? email ?? customerId);
        }

        // The name subrequest above already creates a missing Account, so this one never needs create fields.
        writes.Account("account", account);
        var contact = ContactFields(customer);
        contact[options.Contact.CustomerEventAt] = eventAt;
        writes.Contact("contact", contact);

        // Email and phone each under a guard of their own, written only when Stripe states them: a
        // customer without a phone never clears the number sales entered, and the newest stated value
        // wins in any delivery order. After the Contact upsert, which creates a missing Contact.
        ContactDetail(writes, "contactEmail", options.Contact.Email, email, options.Contact.EmailEventAt, eventAt);
        ContactDetail(writes, "contactPhone", options.Contact.Phone, customer.Phone, options.Contact.PhoneEventAt, eventAt);
        identity.After(plan, customer, context.Created);

        // Not all-or-none: each record has its own stale guard, and the name subrequest is refused
        // (as done) whenever the Account already has a better name.
        return plan.Build(allOrNone: false);
    }

    private static void ContactDetail(CustomerWrites writes, string referenceId, string field, string? value, string guard, string eventAt)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        writes.Contact(referenceId, new JsonObject { [field] = value, [guard] = eventAt });
    }

    private JsonObject ContactFields(CustomerFacts customer)
    {
        var map = options.Contact;
        var fields = new JsonObject
        {
            [map.AccountRelationship] = accounts.Lookup(customer.Id),
        };

        // LastName is required, so it is always sent (the email or id when Stripe has no name):
        // sending it only on create would make a missing Contact trigger the creating resend,
        // which would also overwrite the name sales gave an existing Account.
        if (ContactName.From(customer.Name) is { } names)
        {
            fields[map.FirstName] = names.FirstName;
            fields[map.LastName] = names.LastName;
        }
        else
        {
            fields[map.FirstName] = null;
            fields[map.LastName] = ContactName.Fallback(customer.Email, customer.Id).LastName;
        }

        return fields;
    }
}
