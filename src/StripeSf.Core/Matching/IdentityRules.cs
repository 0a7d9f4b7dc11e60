using StripeSf.Core.Planning;

namespace StripeSf.Core.Matching;

/// <summary>
/// What a failed subrequest of the identity ladder means: every rung is optional (a rung that finds
/// nothing leaves the next one to act), so none of these failures fails the event. The names appear
/// in the outcome's detail (<c>… done (name)</c>), the vocabulary the README lists under Outcomes.
/// </summary>
public static class IdentityRules
{
    /// <summary>Error code of an update-only upsert that finds no record, and of a GET by id of a deleted record.</summary>
    public const string NotFoundErrorCode = "NOT_FOUND";

    /// <summary>A metadata id that names no record free to link (deleted, or linked to another Stripe customer).</summary>
    public static WriteRule NoMetadataRecord { get; } = WriteRule.Optional("MetadataRecordNotLinkable: the record the customer's metadata names is gone or belongs to another Stripe customer");

    /// <summary>No single Account among the unlinked Contacts with the email (none, or several: see <see cref="NotAmbiguous"/>).</summary>
    public static WriteRule NoUniqueEmailMatch { get; } = WriteRule.Optional("NoUniqueEmailMatch: no unlinked Contact with the email, or Contacts on several Accounts");

    /// <summary>No record created by this event is waiting for its reason.</summary>
    public static WriteRule NothingCreated { get; } = WriteRule.Optional("NothingCreated: no record created by this event to stamp");

    /// <summary>The email matched no Contacts on several Accounts, or the customer's records were not created by this event: no Task.</summary>
    public static WriteRule NotAmbiguous { get; } = WriteRule.Optional("NotAmbiguous: no ambiguous email match to hand to a person");

    /// <summary>The customer's Lead is converted or gone, so its Stripe fields are not written.</summary>
    public static WriteRule LeadNotOpen { get; } = WriteRule.Optional("LeadNotOpen: the customer's Lead is converted or gone");

    /// <summary>The converted Lead's Account or Contact is already linked, or linked to another Stripe customer: nothing to attach.</summary>
    public static WriteRule LeadNotConvertedOrLinked { get; } = WriteRule.Optional("LeadRecordsNotLinkable: the Lead is not converted, or its converted records are linked already");

    /// <summary>
    /// An update-only write of a customer whose metadata names a Lead found no Account or Contact linked
    /// to the customer: the Lead is not converted yet, so the Lead holds the person and nothing is created.
    /// </summary>
    public static WriteRule LeadNotConverted { get; } = WriteRule.DoneWhen("LeadNotConverted: the customer's Lead holds the person; no Account or Contact is created until it is converted",
        f => f.Code == NotFoundErrorCode);
}
