using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Upserts the Account (by Stripe customer id) that an event's records hang on, in the same
/// composite request, so no handler waits for another queue. The Account's Name has its own guard,
/// <c>Stripe_Name_Event_At__c</c>, which the shipped stale-event rule orders: a placeholder (written
/// by any event that finds no Account) carries the epoch, a customer event's name carries that
/// event's time, and an Account matched from sales' records carries a far-future time — so the newest
/// customer name wins over placeholders, in any delivery order, and Stripe never renames what sales named.
/// </summary>
public sealed class AccountWriter(IOptions<SalesforceMappingOptions> options)
{
    /// <summary>Name time of a placeholder Account.</summary>
    public static readonly DateTimeOffset PlaceholderNameAt = DateTimeOffset.UnixEpoch;

    /// <summary>Name time stamped on an existing Account attached by email matching: no Stripe event is newer.</summary>
    public static readonly DateTimeOffset MatchedNameAt = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Adds the Account upsert with <paramref name="fields"/> (one field group and its <c>*_Event_At__c</c>).
    /// When the Account does not exist yet it is created under a placeholder name (<paramref name="nameIfCreated"/>,
    /// else <c>Stripe customer cus_…</c>) in a subrequest of its own, <c>{referenceId}Create</c>: between this
    /// event's first try and its retry a customer event may have created the Account with its real name.
    /// </summary>
    public void Upsert(CompositePlanBuilder plan, string referenceId, string customerId, JsonObject fields, string? nameIfCreated)
    {
        var account = options.Value.Account;
        var placeholder = NameFields(string.IsNullOrWhiteSpace(nameIfCreated) ? $"Stripe customer {customerId}" : nameIfCreated, PlaceholderNameAt);

        // Sent only when the Account is missing; on an Account the email-matching claims attached in the
        // same call it is refused as stale (their name time is far future), so it never hides their reason.
        placeholder[account.MatchReason] = Matching.MatchReason.Created;
        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, fields, creating: new WhenCreating(FirstReferenceId: $"{referenceId}Create", FirstFields: placeholder));
    }

    /// <summary>
    /// Adds a further guard group of the Account as a subrequest of its own, after the event's first
    /// Account upsert (which creates a missing Account): a stale rejection refuses a whole subrequest,
    /// so two guards in one would lose the newer group with the older one.
    /// </summary>
    public void UpsertGroup(CompositePlanBuilder plan, string referenceId, string customerId, JsonObject fields)
    {
        var account = options.Value.Account;
        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, fields);
    }

    /// <summary>
    /// The customer's name on its Account: creates the Account when missing, replaces a placeholder or an
    /// older customer name; refused as stale (done) when a newer customer event or sales' records named it.
    /// </summary>
    public void NameFromCustomer(CompositePlanBuilder plan, StripeEventContext context, string referenceId, string customerId, string name)
    {
        Name(plan, referenceId, customerId, name, context.Created);
    }

    /// <summary>The lookup value that ties a child record to the Account by its external id.</summary>
    public JsonObject Lookup(string customerId) => CompositePlanBuilder.ByExternalId(options.Value.Account.ExternalId, customerId);

    private void Name(CompositePlanBuilder plan, string referenceId, string customerId, string name, DateTimeOffset at)
    {
        var account = options.Value.Account;
        plan.Upsert(referenceId, account.Object, account.ExternalId, customerId, NameFields(name, at));
    }

    private JsonObject NameFields(string name, DateTimeOffset at) => new()
    {
        [options.Value.Account.Name] = name,
        [options.Value.Account.NameEventAt] = SalesforceValues.DateTime(at),
    };
}
