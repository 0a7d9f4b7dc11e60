using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Adds subrequests <see cref="Mapping.CompositePlanBuilder"/> has no method for (a PATCH by record id,
/// a POST) after the ones it built, keeping the one-call limit.
/// </summary>
internal static class CompositeRequestAppend
{
    public static CompositeRequest Append(this CompositeRequest request, params CompositeSubrequest[] extra)
    {
        if (extra.Length == 0)
        {
            return request;
        }

        var all = request.Subrequests.Concat(extra).ToList();
        if (all.Count > CompositeRequest.MaxSubrequests)
        {
            throw new InvalidOperationException($"{all.Count} subrequests exceed the composite limit of {CompositeRequest.MaxSubrequests}.");
        }

        return request with { Subrequests = all };
    }
}
