using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Planning;

/// <summary>One subrequest of an event's composite call and what its failure means.</summary>
public sealed record PlannedWrite(CompositeSubrequest Subrequest, WriteRule Rule)
{
    /// <summary>The subrequest's reference id, unique within its plan.</summary>
    public string ReferenceId => Subrequest.ReferenceId;
}
