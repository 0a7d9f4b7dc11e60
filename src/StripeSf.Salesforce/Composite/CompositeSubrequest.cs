using System.Text.Json.Nodes;

namespace StripeSf.Salesforce.Composite;

/// <summary>
/// One subrequest of a Composite API call. <paramref name="Url"/> is relative to the versioned
/// data root (for example <c>sobjects/Account/Stripe_Customer_Id__c/cus_123</c>); the client adds
/// <c>/services/data/vNN.0/</c> so plans stay independent of the configured API version.
/// </summary>
public sealed record CompositeSubrequest(string Method, string Url, string ReferenceId, JsonObject? Body = null)
{
    /// <summary>
    /// The record the subrequest addresses, as its builder knew it (null for a query), so readers
    /// of a plan (Bulk backfill, notifications, email matching) need not parse <see cref="Url"/> back.
    /// </summary>
    public SubrequestTarget? Target { get; init; }
}

/// <summary>
/// The record a subrequest addresses: <paramref name="SObject"/> by <paramref name="ExternalIdField"/> =
/// <paramref name="Key"/> (an upsert or GET by external id), or by record Id <paramref name="Key"/>
/// (which may be a reference such as <c>@{charge.Account__c}</c>), or a new record (no key).
/// <paramref name="UpdateOnly"/> marks an upsert sent with <c>updateOnly=true</c>: it never creates the record.
/// </summary>
public sealed record SubrequestTarget(string SObject, string? ExternalIdField = null, string? Key = null, bool UpdateOnly = false);
