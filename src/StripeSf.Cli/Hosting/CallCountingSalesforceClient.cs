using System.Text.Json.Nodes;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Metadata;
using StripeSf.Salesforce.Query;
using StripeSf.Salesforce.Records;

namespace StripeSf.Cli.Hosting;

/// <summary>Counts the REST calls made through it, so <c>stripesf replay</c> can report API calls per event.</summary>
public sealed class CallCountingSalesforceClient(ISalesforceClient inner) : ISalesforceClient
{
    private int _calls;

    /// <summary>Calls started so far (each counts against the org's daily allowance, retries included).</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <inheritdoc />
    public Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken) =>
        Count(inner.CompositeAsync(request, cancellationToken));

    /// <inheritdoc />
    public Task<UpsertResult> UpsertAsync(string sObject, string externalIdField, string externalId, JsonObject fields, CancellationToken cancellationToken) =>
        Count(inner.UpsertAsync(sObject, externalIdField, externalId, fields, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(string sObject, string externalIdField, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken) =>
        Count(inner.UpsertCollectionAsync(sObject, externalIdField, records, allOrNone, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpdateCollectionAsync(string sObject, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken) =>
        Count(inner.UpdateCollectionAsync(sObject, records, allOrNone, cancellationToken));

    /// <inheritdoc />
    public IAsyncEnumerable<JsonObject> QueryAsync(SoqlQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return inner.QueryAsync(query, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken cancellationToken) =>
        Count(inner.GetLimitsAsync(cancellationToken));

    /// <inheritdoc />
    public Task<SObjectDescription> DescribeAsync(string sObject, CancellationToken cancellationToken) =>
        Count(inner.DescribeAsync(sObject, cancellationToken));

    private Task<T> Count<T>(Task<T> call)
    {
        Interlocked.Increment(ref _calls);
        return call;
    }

    /// <inheritdoc />
    public Task<string> PostFeedItemAsync(StripeSf.Salesforce.Chatter.FeedItemPost post, CancellationToken cancellationToken) =>
        Count(inner.PostFeedItemAsync(post, cancellationToken));
}
