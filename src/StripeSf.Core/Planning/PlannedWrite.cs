using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Planning;

/// <summary>One subrequest of an event's composite call, what its failure means, and how it changes when its record must be created.</summary>
public sealed record PlannedWrite(CompositeSubrequest Subrequest, WriteRule Rule, WhenCreating? Creating = null)
{
    /// <summary>The subrequest's reference id, unique within its plan.</summary>
    public string ReferenceId => Subrequest.ReferenceId;

    /// <summary>The writes to send when the record must be created: the creating subrequest (if any), then this write with the create-only fields.</summary>
    internal IEnumerable<PlannedWrite> AsCreated()
    {
        if (Creating is null)
        {
            yield return this;
            yield break;
        }

        if (Creating.FirstReferenceId is { } first)
        {
            yield return new PlannedWrite(Subrequest with { ReferenceId = first, Body = Creating.FirstFields?.DeepClone().AsObject() }, WriteRule.Required);
        }

        var body = Subrequest.Body?.DeepClone().AsObject();
        if (Creating.AddFields is { } extra && body is not null)
        {
            foreach (var (key, value) in extra)
            {
                if (!body.ContainsKey(key))
                {
                    body[key] = value?.DeepClone();
                }
            }
        }

        yield return new PlannedWrite(Subrequest with { Body = body }, Rule);
    }
}
