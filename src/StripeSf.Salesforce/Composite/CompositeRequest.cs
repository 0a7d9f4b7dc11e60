namespace StripeSf.Salesforce.Composite;

/// <summary>All Salesforce writes of one Stripe event: one Composite API call (at most 25 subrequests).</summary>
public sealed record CompositeRequest(bool AllOrNone, IReadOnlyList<CompositeSubrequest> Subrequests)
{
    /// <summary>The Composite API's limit on subrequests per call.</summary>
    public const int MaxSubrequests = 25;

    /// <summary>A request with nothing to send.</summary>
    public static CompositeRequest Empty { get; } = new(false, []);

    /// <summary>True when there is nothing to send to Salesforce.</summary>
    public bool IsEmpty => Subrequests.Count == 0;
}
