namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// How the win-back CampaignMember write can fail without anything being wrong. CampaignMember has no
/// external id in a standard org, so it is created with a POST: a redelivered event finds the contact
/// already a member (DUPLICATE_VALUE "Already a campaign member."), and a customer with no Contact yet
/// has no one to add (the Contact GET answers NOT_FOUND). Both mean "done" for the event; the outcome
/// interpreter should accept them for these reference ids rather than dead-letter the event.
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

    /// <summary>True when a failed subrequest of the win-back step means the work is already done or has nothing to do.</summary>
    public static bool CountsAsDone(string referenceId, string errorCode, string message) => referenceId switch
    {
        MemberReferenceId => errorCode == DuplicateErrorCode && message.Contains(DuplicateMessagePattern, StringComparison.OrdinalIgnoreCase),
        ContactReferenceId => errorCode == NotFoundErrorCode,
        _ => false,
    };
}
