using System.Text.Json.Nodes;
using StripeSf.Core.Planning;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Mapping;

/// <summary>
/// The only way to make an event's composite subrequests: each is added together with the rule that
/// says what its failure means (<see cref="WriteRule.Required"/> unless given), and a reference id
/// used twice is refused at once. Writes are upserts by external id wherever Salesforce allows, so
/// the whole request can be retried safely after any partial failure.
/// </summary>
public sealed class CompositePlanBuilder
{
    private readonly List<PlannedWrite> _writes = [];
    private readonly HashSet<string> _references = new(StringComparer.Ordinal);

    /// <summary>Subrequests so far.</summary>
    public int Count => _writes.Count;

    /// <summary>A composite reference to a field of an earlier subrequest's result (e.g. <c>@{account.id}</c>).</summary>
    public static string Ref(string referenceId, string field = "id") => $"@{{{referenceId}.{field}}}";

    /// <summary>A lookup set through the parent's external id (<c>Account__r: {Stripe_Customer_Id__c: …}</c>): needs no earlier subrequest to succeed.</summary>
    public static JsonObject ByExternalId(string externalIdField, string externalId) => new() { [externalIdField] = externalId };

    /// <summary>Adds <c>PATCH sobjects/{sObject}/{externalIdField}/{externalId}</c> with <paramref name="fields"/>.</summary>
    /// <remarks><paramref name="creating"/> says how the write changes when its record does not exist yet (see <see cref="WhenCreating"/>).</remarks>
    public CompositePlanBuilder Upsert(string referenceId, string sObject, string externalIdField, string externalId, JsonObject fields, WriteRule? rule = null, WhenCreating? creating = null)
    {
        // The external id travels in the URL; Salesforce rejects a body that repeats it.
        fields.Remove(externalIdField);
        creating?.AddFields?.Remove(externalIdField);
        creating?.FirstFields?.Remove(externalIdField);
        if (creating?.FirstReferenceId is { } first && !_references.Add(first))
        {
            throw new InvalidOperationException($"Duplicate composite reference id '{first}': every subrequest of one call needs its own.");
        }

        return Add("PATCH", $"sobjects/{sObject}/{externalIdField}/{Uri.EscapeDataString(externalId)}", referenceId, fields, rule, creating, new(sObject, externalIdField, externalId));
    }

    /// <summary>
    /// Adds <c>PATCH sobjects/{sObject}/{externalIdField}/{externalId}?updateOnly=true</c>: updates the record
    /// with that external id and never creates one (Salesforce answers 404 NOT_FOUND when there is none).
    /// </summary>
    public CompositePlanBuilder UpdateByExternalId(string referenceId, string sObject, string externalIdField, string externalId, JsonObject fields, WriteRule? rule = null)
    {
        fields.Remove(externalIdField);
        return Add("PATCH", $"sobjects/{sObject}/{externalIdField}/{Uri.EscapeDataString(externalId)}?updateOnly=true", referenceId, fields, rule, target: new(sObject, externalIdField, externalId, UpdateOnly: true));
    }

    /// <summary>Adds <c>GET sobjects/{sObject}/{externalIdField}/{externalId}?fields=…</c> (e.g. the Account owner for a Task).</summary>
    public CompositePlanBuilder Get(string referenceId, string sObject, string externalIdField, string externalId, params string[] fields) =>
        Get(referenceId, sObject, externalIdField, externalId, WriteRule.Required, fields);

    /// <summary>Adds a GET by external id whose failure means what <paramref name="rule"/> says.</summary>
    public CompositePlanBuilder Get(string referenceId, string sObject, string externalIdField, string externalId, WriteRule rule, params string[] fields) =>
        Add("GET", $"sobjects/{sObject}/{externalIdField}/{Uri.EscapeDataString(externalId)}?fields={string.Join(',', fields)}", referenceId, null, rule, target: new(sObject, externalIdField, externalId));

    /// <summary>Adds <c>PATCH sobjects/{sObject}/{id}</c>; <paramref name="id"/> may be a reference such as <c>@{match.records[0].Id}</c>.</summary>
    public CompositePlanBuilder Update(string referenceId, string sObject, string id, JsonObject fields, WriteRule? rule = null) =>
        Add("PATCH", $"sobjects/{sObject}/{id}", referenceId, fields, rule, target: new(sObject, Key: Uri.UnescapeDataString(id)));

    /// <summary>Adds <c>POST sobjects/{sObject}</c> (objects without an external id, e.g. CampaignMember).</summary>
    public CompositePlanBuilder Create(string referenceId, string sObject, JsonObject fields, WriteRule? rule = null) =>
        Add("POST", $"sobjects/{sObject}", referenceId, fields, rule, target: new(sObject));

    /// <summary>Adds <c>DELETE sobjects/{sObject}/{id}</c>; <paramref name="id"/> may be a reference.</summary>
    public CompositePlanBuilder Delete(string referenceId, string sObject, string id, WriteRule? rule = null) =>
        Add("DELETE", $"sobjects/{sObject}/{id}", referenceId, null, rule, target: new(sObject, Key: Uri.UnescapeDataString(id)));

    /// <summary>Adds <c>GET query?q=…</c> for a query built with escaped literals only.</summary>
    public CompositePlanBuilder Query(string referenceId, SoqlQuery query, WriteRule? rule = null) =>
        Add("GET", $"query?q={Uri.EscapeDataString(query.Text)}", referenceId, null, rule);

    /// <summary>
    /// Adds a query that uses results of earlier subrequests: each of <paramref name="references"/> (made by
    /// <see cref="Ref"/> and passed into the query as a literal, e.g. <c>Id = '@{match.records[0].Id}'</c>) stays
    /// readable in the URL so Salesforce can resolve it; everything else is escaped as usual. Only record ids
    /// are referenced this way, so a resolved value can never change the query's shape.
    /// </summary>
    public CompositePlanBuilder QueryUsing(string referenceId, SoqlQuery query, WriteRule rule, params string[] references)
    {
        ArgumentNullException.ThrowIfNull(query);
        var url = Uri.EscapeDataString(query.Text);
        foreach (var reference in references)
        {
            url = url.Replace(Uri.EscapeDataString(reference), reference, StringComparison.Ordinal);
        }

        return Add("GET", $"query?q={url}", referenceId, null, rule);
    }

    /// <summary>The plan. Throws when the event needs more subrequests than one call allows.</summary>
    public WritePlan Build(bool allOrNone = false) => new(allOrNone, [.. _writes]);

    private CompositePlanBuilder Add(string method, string url, string referenceId, JsonObject? body, WriteRule? rule, WhenCreating? creating = null, SubrequestTarget? target = null)
    {
        ArgumentNullException.ThrowIfNull(referenceId);
        if (!_references.Add(referenceId))
        {
            throw new InvalidOperationException($"Duplicate composite reference id '{referenceId}': every subrequest of one call needs its own.");
        }

        _writes.Add(new PlannedWrite(new CompositeSubrequest(method, url, referenceId, body) { Target = target }, rule ?? WriteRule.Required, creating));
        return this;
    }
}
