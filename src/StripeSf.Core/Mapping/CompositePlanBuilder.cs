using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Mapping;

/// <summary>
/// Collects one event's Salesforce writes as composite subrequests. Every write is an upsert by
/// external id, so the whole request can be retried safely after any partial failure.
/// </summary>
public sealed class CompositePlanBuilder
{
    private readonly List<CompositeSubrequest> _subrequests = [];

    /// <summary>Subrequests so far.</summary>
    public int Count => _subrequests.Count;

    /// <summary>A composite reference to a field of an earlier subrequest's result (e.g. <c>@{account.id}</c>).</summary>
    public static string Ref(string referenceId, string field = "id") => $"@{{{referenceId}.{field}}}";

    /// <summary>A lookup set through the parent's external id (<c>Account__r: {Stripe_Customer_Id__c: …}</c>): needs no earlier subrequest to succeed.</summary>
    public static JsonObject ByExternalId(string externalIdField, string externalId) => new() { [externalIdField] = externalId };

    /// <summary>Adds <c>PATCH sobjects/{sObject}/{externalIdField}/{externalId}</c> with <paramref name="fields"/>.</summary>
    public CompositePlanBuilder Upsert(string referenceId, string sObject, string externalIdField, string externalId, JsonObject fields)
    {
        // The external id travels in the URL; Salesforce rejects a body that repeats it.
        fields.Remove(externalIdField);
        _subrequests.Add(new CompositeSubrequest("PATCH", $"sobjects/{sObject}/{externalIdField}/{Uri.EscapeDataString(externalId)}", referenceId, fields));
        return this;
    }

    /// <summary>Adds <c>GET sobjects/{sObject}/{externalIdField}/{externalId}?fields=…</c> (e.g. the Account owner for a Task).</summary>
    public CompositePlanBuilder Get(string referenceId, string sObject, string externalIdField, string externalId, params string[] fields)
    {
        _subrequests.Add(new CompositeSubrequest("GET", $"sobjects/{sObject}/{externalIdField}/{Uri.EscapeDataString(externalId)}?fields={string.Join(',', fields)}", referenceId));
        return this;
    }

    /// <summary>Adds <c>PATCH sobjects/{sObject}/{id}</c>; <paramref name="id"/> may be a reference such as <c>@{match.records[0].Id}</c>.</summary>
    public CompositePlanBuilder Update(string referenceId, string sObject, string id, JsonObject fields)
    {
        _subrequests.Add(new CompositeSubrequest("PATCH", $"sobjects/{sObject}/{id}", referenceId, fields));
        return this;
    }

    /// <summary>Adds <c>GET query?q=…</c> for a query built with escaped literals only.</summary>
    public CompositePlanBuilder Query(string referenceId, SoqlQuery query)
    {
        _subrequests.Add(new CompositeSubrequest("GET", $"query?q={Uri.EscapeDataString(query.Text)}", referenceId));
        return this;
    }

    /// <summary>The composite request. Throws when the event needs more subrequests than one call allows.</summary>
    public CompositeRequest Build(bool allOrNone = false)
    {
        if (_subrequests.Count > CompositeRequest.MaxSubrequests)
        {
            throw new InvalidOperationException($"{_subrequests.Count} subrequests exceed the composite limit of {CompositeRequest.MaxSubrequests}.");
        }

        return new CompositeRequest(allOrNone, [.. _subrequests]);
    }
}
