using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Metadata;
using StripeSf.Salesforce.Query;
using StripeSf.Salesforce.Records;

namespace StripeSf.Core.Processing;

/// <summary>
/// Logs the Salesforce writes it would send and answers as if each succeeded; reads find nothing.
/// Used by <c>stripesf serve --dry-run</c>, whenever no Salesforce settings are configured locally,
/// and as the capturing sender of <c>stripesf plan</c> (<see cref="Sent"/>).
/// </summary>
public sealed class DryRunSalesforceClient(ILogger<DryRunSalesforceClient> logger) : ISalesforceClient
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<CompositeRequest> _sent = new();

    /// <summary>The composite requests sent since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<CompositeRequest> Sent => [.. _sent];

    /// <summary>Forgets what was sent.</summary>
    public void Clear() => _sent.Clear();

    /// <inheritdoc />
    public Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _sent.Enqueue(request);
        var results = new List<CompositeSubresponse>(request.Subrequests.Count);
        foreach (var sub in request.Subrequests)
        {
            Log.DryRunSubrequest(logger, sub.Method, sub.Url, sub.ReferenceId, sub.Body?.ToJsonString() ?? "");
            results.Add(new CompositeSubresponse(sub.ReferenceId, sub.Method == "PATCH" ? 200 : 201, null));
        }

        return Task.FromResult(new CompositeResponse(results));
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertAsync(string sObject, string externalIdField, string externalId, JsonObject fields, CancellationToken cancellationToken)
    {
        Log.DryRunSubrequest(logger, "PATCH", $"sobjects/{sObject}/{externalIdField}/{externalId}", "upsert", fields.ToJsonString());
        return Task.FromResult(new UpsertResult($"dryrun-{externalId}", false));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(string sObject, string externalIdField, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken)
    {
        var results = new List<RecordResult>(records.Count);
        foreach (var record in records)
        {
            var upserted = await UpsertAsync(sObject, externalIdField, (string?)record[externalIdField] ?? "", record, cancellationToken).ConfigureAwait(false);
            results.Add(new RecordResult(upserted.Id, true, false, []));
        }

        return results;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpdateCollectionAsync(string sObject, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var results = new List<RecordResult>(records.Count);
        foreach (var record in records)
        {
            var id = (string?)record["Id"] ?? "";
            Log.DryRunSubrequest(logger, "PATCH", $"composite/sobjects ({sObject} {id})", "collections-update", record.ToJsonString());
            results.Add(new RecordResult(id, true, false, []));
        }

        return Task.FromResult<IReadOnlyList<RecordResult>>(results);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JsonObject> QueryAsync(SoqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, OrgLimit>>(new Dictionary<string, OrgLimit>());

    /// <inheritdoc />
    public Task<SObjectDescription> DescribeAsync(string sObject, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Dry run: there is no Salesforce org to describe; configure Salesforce__* settings.");

    /// <inheritdoc />
    public Task<string> PostFeedItemAsync(Salesforce.Chatter.FeedItemPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        Log.DryRunSubrequest(logger, "POST", "chatter/feed-elements", "chatter", $"subject {post.SubjectId}: {string.Join("", post.Segments.Select(s => s.Type == "Mention" ? $"@{s.Id}" : s.Text))}");
        return Task.FromResult($"dryrun-feed-{post.SubjectId}");
    }
}
