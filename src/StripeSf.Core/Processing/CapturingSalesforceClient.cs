using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Metadata;
using StripeSf.Salesforce.Query;
using StripeSf.Salesforce.Records;

namespace StripeSf.Core.Processing;

/// <summary>
/// The sender of <c>stripesf plan</c>: keeps every composite request the pipeline sends and answers
/// as if each subrequest succeeded, without network; reads find nothing.
/// </summary>
public sealed class CapturingSalesforceClient : ISalesforceClient
{
    private readonly ConcurrentQueue<CompositeRequest> _sent = new();

    /// <summary>The composite requests sent since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<CompositeRequest> Sent => [.. _sent];

    /// <summary>Forgets what was sent.</summary>
    public void Clear() => _sent.Clear();

    /// <inheritdoc />
    public Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _sent.Enqueue(request);
        return Task.FromResult(new CompositeResponse([.. request.Subrequests.Select(s => new CompositeSubresponse(s.ReferenceId, s.Method == "PATCH" ? 200 : 201, null))]));
    }

    /// <inheritdoc />
    public Task<UpsertResult> UpsertAsync(string sObject, string externalIdField, string externalId, JsonObject fields, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("stripesf plan sends composite requests only.");

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(string sObject, string externalIdField, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("stripesf plan sends composite requests only.");

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
        throw new InvalidOperationException("stripesf plan has no Salesforce org to describe.");
}
