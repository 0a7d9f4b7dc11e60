using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Metadata;
using StripeSf.Salesforce.Query;
using StripeSf.Salesforce.Records;

namespace StripeSf.Salesforce;

/// <summary>The Salesforce REST API as the product uses it. The I/O seam of the Salesforce side.</summary>
public interface ISalesforceClient
{
    /// <summary>Sends one Composite API request. Throws <see cref="Errors.SalesforceApiException"/> when the call as a whole fails.</summary>
    Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts one record by external id (PATCH <c>sobjects/{sObject}/{field}/{value}</c>). 300 (several
    /// matches) and 404 (unknown field) throw permanent <see cref="Errors.SalesforceApiException"/>s.
    /// </summary>
    Task<UpsertResult> UpsertAsync(string sObject, string externalIdField, string externalId, JsonObject fields, CancellationToken cancellationToken);

    /// <summary>Upserts up to 200 records of one type by external id; per-record results in input order.</summary>
    Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(string sObject, string externalIdField, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken);

    /// <summary>
    /// Updates up to 200 records of one type by record id (PATCH <c>composite/sobjects</c>, each record
    /// carrying <c>Id</c>); per-record results in input order.
    /// </summary>
    Task<IReadOnlyList<RecordResult>> UpdateCollectionAsync(string sObject, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken);

    /// <summary>Runs a query and follows <c>nextRecordsUrl</c> until the last page.</summary>
    IAsyncEnumerable<JsonObject> QueryAsync(SoqlQuery query, CancellationToken cancellationToken);

    /// <summary>Reads the org's limits (<c>/limits</c>), keyed by name such as <c>DailyApiRequests</c>.</summary>
    Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken cancellationToken);

    /// <summary>Describes one sObject's fields; an unknown object throws a permanent 404.</summary>
    Task<SObjectDescription> DescribeAsync(string sObject, CancellationToken cancellationToken);

    /// <summary>
    /// Posts <paramref name="post"/> to its record's Chatter feed (Connect REST API, one API call; the
    /// Composite resource does not take Connect resources) and returns the feed element id.
    /// </summary>
    Task<string> PostFeedItemAsync(Chatter.FeedItemPost post, CancellationToken cancellationToken);
}
