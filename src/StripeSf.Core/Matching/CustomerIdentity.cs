using StripeSf.Core.Facts;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Matching;

/// <summary>
/// The identity ladder of a customer event, the same on every customer event and inside its one
/// composite call: (1) the records that carry the customer's Stripe id — the upserts by external id
/// find them; (2) the records the metadata names (<see cref="MetadataRung"/>), or the customer's Lead
/// (<see cref="LeadRung"/>); (3) a unique email match, the current email, then the email in
/// <c>data.previous_attributes</c> (<see cref="EmailRung"/>); (4) new records, stamped <c>created</c>
/// (<see cref="CreatedStamp"/>). A rung's claims write the Stripe id, which is unique, so a later rung
/// can never link a second record. <see cref="Before"/> goes in front of the customer's writes,
/// <see cref="After"/> behind them.
/// </summary>
public sealed class CustomerIdentity(SalesforceMappingOptions options)
{
    /// <summary>Adds the rungs that link existing records, in ladder order.</summary>
    public void Before(CompositePlanBuilder plan, CustomerFacts customer, string eventAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Links.LeadId is { } leadId)
        {
            new LeadRung(options).Add(plan, customer.Id, leadId, eventAt);
            return;
        }

        if (customer.Links.NamesAccountOrContact)
        {
            new MetadataRung(options).Add(plan, customer.Id, customer.Links);
        }

        foreach (var rung in EmailRungs(customer))
        {
            rung.AddClaims(plan, customer.Id);
        }
    }

    /// <summary>Adds the reason of records this event created, and the Task of an ambiguous email.</summary>
    public void After(CompositePlanBuilder plan, CustomerFacts customer, DateTimeOffset eventCreated)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(customer);
        if (customer.Links.LeadId is not null)
        {
            // Update-only writes create nothing.
            return;
        }

        new CreatedStamp(options).Add(plan, customer.Id, eventCreated);
        foreach (var rung in EmailRungs(customer))
        {
            rung.AddAmbiguityTask(plan, customer.Id, CreatedStamp.NewAccount, CreatedStamp.NewContact);
        }
    }

    // The previous email is tried only without metadata links, which keeps the call within 25 subrequests.
    private IEnumerable<EmailRung> EmailRungs(CustomerFacts customer)
    {
        if (!options.MatchContactsByEmail)
        {
            yield break;
        }

        if (customer.Email is { Length: > 0 } email && !string.IsNullOrWhiteSpace(email))
        {
            yield return new EmailRung(options, "email", email.Trim(), MatchReason.Email);
        }

        if (customer.PreviousEmail is { } previous && !customer.Links.NamesAccountOrContact)
        {
            yield return new EmailRung(options, "previousEmail", previous, MatchReason.PreviousEmail);
        }
    }
}
