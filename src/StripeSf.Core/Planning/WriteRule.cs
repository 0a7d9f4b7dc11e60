using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Planning;

/// <summary>
/// What a failed subrequest means for its event, decided where the subrequest is built and carried
/// with it: by default a write is <see cref="Required"/>. A stale-event rejection always means done
/// (Salesforce already holds newer facts) and a transient failure always retries, whatever the rule.
/// </summary>
public sealed record WriteRule
{
    private WriteRule(string name, WriteFailureMeaning meaning, Func<CompositeSubrequestFailure, bool>? matches)
    {
        Name = name;
        Meaning = meaning;
        Matches = matches;
    }

    /// <summary>Shown in plans and outcomes: why a matched failure means what it means.</summary>
    public string Name { get; }

    /// <summary>What a matched permanent failure means.</summary>
    public WriteFailureMeaning Meaning { get; }

    private Func<CompositeSubrequestFailure, bool>? Matches { get; }

    /// <summary>The write must succeed: a permanent failure dead-letters the event.</summary>
    public static WriteRule Required { get; } = new("required", WriteFailureMeaning.Failed, null);

    /// <summary>A permanent failure matching <paramref name="when"/> means the write's work is done or has nothing to do (<paramref name="name"/> says which).</summary>
    public static WriteRule DoneWhen(string name, Func<CompositeSubrequestFailure, bool> when) => new(name, WriteFailureMeaning.Done, when);

    /// <summary>Any permanent failure means there was nothing to do (a claim that found no record, a cleanup with nothing to clean).</summary>
    public static WriteRule Optional(string name) => DoneWhen(name, _ => true);

    /// <summary>
    /// A permanent failure matching <paramref name="when"/> means a record another event writes is not in
    /// Salesforce yet (<paramref name="name"/> names it): the event retries on the queue's schedule.
    /// </summary>
    public static WriteRule WaitsFor(string name, Func<CompositeSubrequestFailure, bool> when) => new(name, WriteFailureMeaning.WaitsForAnotherEvent, when);

    /// <summary>What <paramref name="failure"/> of a write under this rule means for the event.</summary>
    public WriteFailureMeaning Interpret(CompositeSubrequestFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.IsStaleEvent)
        {
            return WriteFailureMeaning.Done;
        }

        if (failure.Kind == SalesforceFailureKind.Transient)
        {
            return WriteFailureMeaning.Transient;
        }

        return Matches is not null && Matches(failure) ? Meaning : WriteFailureMeaning.Failed;
    }
}
