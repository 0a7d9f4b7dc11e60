namespace StripeSf.Core.Planning;

/// <summary>What one failed subrequest means for its event (see <see cref="WriteRule"/>).</summary>
public enum WriteFailureMeaning
{
    /// <summary>A real, permanent failure: the event is dead-lettered with Salesforce's reason.</summary>
    Failed,

    /// <summary>The work is done already or there was nothing to do (stale event, existing membership, no match).</summary>
    Done,

    /// <summary>A record another event writes is not there yet: retry later.</summary>
    WaitsForAnotherEvent,

    /// <summary>Salesforce failed transiently (lock, limit, outage): retry later.</summary>
    Transient,
}
