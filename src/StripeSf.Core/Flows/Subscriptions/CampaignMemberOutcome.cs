using StripeSf.Core.Planning;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// How the win-back CampaignMember writes can fail without anything being wrong. CampaignMember has no
/// external id in a standard org, so it is created with a POST: a redelivered event finds the contact
/// already a member (DUPLICATE_VALUE "Already a campaign member."), and a customer with no Contact yet
/// has no one to add (the Contact GET answers NOT_FOUND). Both mean "done" for the event; the rules
/// below travel with the two subrequests.
/// </summary>
public static class CampaignMemberOutcome
{
    /// <summary>Reference id of the GET of the customer's Contact.</summary>
    public const string ContactReferenceId = "winBackContact";

    /// <summary>Reference id of the CampaignMember POST.</summary>
    public const string MemberReferenceId = "winBackMember";

    /// <summary>Error code Salesforce returns when the Contact is already a member of the Campaign.</summary>
    public const string DuplicateErrorCode = "DUPLICATE_VALUE";

    /// <summary>Text (case-insensitive) in that error's message that tells it apart from other duplicates.</summary>
    public const string DuplicateMessagePattern = "already a campaign member";

    /// <summary>Error code of a GET by external id that matches no record.</summary>
    public const string NotFoundErrorCode = "NOT_FOUND";

    /// <summary>The Contact GET: NOT_FOUND means the customer has no Contact to add, which is done.</summary>
    public static WriteRule NoContactYet { get; } = WriteRule.DoneWhen("customer has no Contact to add to the win-back Campaign", f => f.Code == NotFoundErrorCode);

    /// <summary>The CampaignMember POST: the Contact already being a member is done.</summary>
    public static WriteRule AlreadyAMember { get; } = WriteRule.DoneWhen("Contact is already a member of the win-back Campaign",
        f => f.Code == DuplicateErrorCode && f.Message.Contains(DuplicateMessagePattern, StringComparison.OrdinalIgnoreCase));
}
