using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Planning;

/// <summary>
/// An event's Salesforce writes — one composite call — each with its failure rule. Built only by
/// <see cref="Mapping.CompositePlanBuilder"/>, which rejects duplicate reference ids and more subrequests than
/// one call allows.
/// </summary>
public sealed class WritePlan
{
    private readonly Dictionary<string, PlannedWrite> _byReference;

    internal WritePlan(bool allOrNone, IReadOnlyList<PlannedWrite> writes)
    {
        if (writes.Count > CompositeRequest.MaxSubrequests)
        {
            throw new InvalidOperationException($"{writes.Count} subrequests exceed the composite limit of {CompositeRequest.MaxSubrequests}.");
        }

        _byReference = new Dictionary<string, PlannedWrite>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            if (!_byReference.TryAdd(write.ReferenceId, write))
            {
                throw new InvalidOperationException($"Duplicate composite reference id '{write.ReferenceId}': every subrequest of one call needs its own.");
            }
        }

        AllOrNone = allOrNone;
        Writes = writes;
        Request = new CompositeRequest(allOrNone, [.. writes.Select(w => w.Subrequest)]);
    }

    /// <summary>No writes: the event completes with nothing to write.</summary>
    public static WritePlan Empty { get; } = new(false, []);

    /// <summary>True when a failed subrequest undoes the others.</summary>
    public bool AllOrNone { get; }

    /// <summary>The writes, in call order.</summary>
    public IReadOnlyList<PlannedWrite> Writes { get; }

    /// <summary>The composite request to send.</summary>
    public CompositeRequest Request { get; }

    /// <summary>The subrequests, in call order.</summary>
    public IReadOnlyList<CompositeSubrequest> Subrequests => Request.Subrequests;

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Writes.Count == 0;

    /// <summary>The rule of subrequest <paramref name="referenceId"/>; a reference the plan does not know is required.</summary>
    public WriteRule RuleFor(string referenceId) =>
        _byReference.TryGetValue(referenceId, out var write) ? write.Rule : WriteRule.Required;

    /// <summary>
    /// The plan to send when the records of the writes <paramref name="mustCreate"/> names do not exist:
    /// those writes in their creating form (<see cref="WhenCreating"/>), the others as planned.
    /// </summary>
    public WritePlan Creating(Func<string, bool> mustCreate)
    {
        ArgumentNullException.ThrowIfNull(mustCreate);
        return new WritePlan(AllOrNone, [.. Writes.SelectMany(w => mustCreate(w.ReferenceId) ? w.AsCreated() : [w])]);
    }

    /// <summary>Every write in its creating form: the first call of an event that normally brings new records.</summary>
    public WritePlan CreatingAll() => Creating(_ => true);

    /// <summary>This plan with <paramref name="first"/>'s writes in front (same call, same checks).</summary>
    public WritePlan After(IReadOnlyList<PlannedWrite> first) => first.Count == 0 ? this : new WritePlan(AllOrNone, [.. first, .. Writes]);
}
