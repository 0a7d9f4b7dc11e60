namespace StripeSf.Core.Replay;

/// <summary>The end states of a replayed event, as <c>stripesf replay</c> prints them.</summary>
public static class ReplayStates
{
    /// <summary>Salesforce now reflects the event.</summary>
    public const string Written = "written";

    /// <summary>Salesforce already held newer facts.</summary>
    public const string SkippedStale = "skipped-stale";

    /// <summary>The handler had nothing to write.</summary>
    public const string NothingToWrite = "nothing-to-write";

    /// <summary>The event type is not routed (the webhook would answer 200 and drop it).</summary>
    public const string Ignored = "ignored";

    /// <summary>The same event id appeared earlier in this replay (the queue's duplicate detection would drop it).</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The event would sit in the dead-letter queue; the detail says why.</summary>
    public const string DeadLettered = "dead-lettered";
}
