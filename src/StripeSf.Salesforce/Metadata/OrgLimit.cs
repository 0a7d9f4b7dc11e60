namespace StripeSf.Salesforce.Metadata;

/// <summary>One entry of <c>/limits</c>, for example DailyApiRequests.</summary>
public sealed record OrgLimit(string Name, long Max, long Remaining)
{
    /// <summary>How much of the limit is spent.</summary>
    public long Used => Max - Remaining;
}
