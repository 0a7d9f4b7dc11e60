namespace StripeSf.Core.Processing;

/// <summary>The ways an event can end well.</summary>
public enum CompletionKind
{
    /// <summary>Salesforce now reflects the event.</summary>
    Written,

    /// <summary>Salesforce already holds newer facts about the same object; the event was not applied.</summary>
    SkippedStale,

    /// <summary>The event needs no Salesforce write (e.g. a flow switched off in configuration).</summary>
    NothingToWrite,
}
