using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Http;
using StripeSf.Salesforce.Metadata;
using StripeSf.Salesforce.Query;
using StripeSf.Salesforce.Records;

namespace StripeSf.Salesforce;

/// <summary>The REST client: Composite, upserts, collections, SOQL, limits and describe over one <see cref="SalesforceConnection"/>.</summary>
public sealed class SalesforceClient(SalesforceConnection connection) : ISalesforceClient
{
    /// <summary>The sObject Collections limit on records per call.</summary>
    public const int MaxCollectionRecords = 200;

    /// <summary>The instance URL the token endpoint named (mints a token if needed).</summary>
    public Task<Uri> GetInstanceUrlAsync(CancellationToken cancellationToken) => connection.GetInstanceUrlAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subrequests.Count > CompositeRequest.MaxSubrequests)
        {
            throw new ArgumentException($"A Composite request holds at most {CompositeRequest.MaxSubrequests} subrequests, not {request.Subrequests.Count}", nameof(request));
        }

        if (request.IsEmpty)
        {
            return new CompositeResponse([]);
        }

        var subrequests = new JsonArray();
        foreach (var sub in request.Subrequests)
        {
            var item = new JsonObject
            {
                ["method"] = sub.Method,
                ["url"] = connection.DataPath + sub.Url.TrimStart('/'),
                ["referenceId"] = sub.ReferenceId,
            };
            if (sub.Body is not null)
            {
                item["body"] = sub.Body.DeepClone();
            }

            subrequests.Add(item);
        }

        var payload = new JsonObject { ["allOrNone"] = request.AllOrNone, ["compositeRequest"] = subrequests }.ToJsonString();
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Post, "composite", "composite", () => Json(payload)), cancellationToken).ConfigureAwait(false);

        var results = (JsonNode.Parse(response.Body)?["compositeResponse"] as JsonArray ?? [])
            .Select(r => new CompositeSubresponse(
                r?["referenceId"]?.GetValue<string>() ?? string.Empty,
                r?["httpStatusCode"]?.GetValue<int>() ?? 0,
                r?["body"]?.DeepClone()))
            .ToArray();
        return new CompositeResponse(results);
    }

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertAsync(string sObject, string externalIdField, string externalId, JsonObject fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        var path = $"sobjects/{Name(sObject)}/{Name(externalIdField)}/{Uri.EscapeDataString(externalId)}";
        var payload = fields.ToJsonString();
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Patch, path, "upsert", () => Json(payload)), cancellationToken).ConfigureAwait(false);

        // 204 (API 45 and older) has no body; 201 means created, 200 carries created:false.
        if (response.StatusCode == 204 || string.IsNullOrWhiteSpace(response.Body))
        {
            return new UpsertResult(null, false);
        }

        var body = JsonNode.Parse(response.Body);
        return new UpsertResult(body?["id"]?.GetValue<string>(), body?["created"]?.GetValue<bool>() ?? response.StatusCode == 201);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpsertCollectionAsync(string sObject, string externalIdField, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken) =>
        CollectionAsync(sObject, records, allOrNone, $"composite/sobjects/{Name(sObject)}/{Name(externalIdField)}", "collections-upsert", byId: false, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordResult>> UpdateCollectionAsync(string sObject, IReadOnlyList<JsonObject> records, bool allOrNone, CancellationToken cancellationToken) =>
        CollectionAsync(sObject, records, allOrNone, "composite/sobjects", "collections-update", byId: true, cancellationToken);

    // One sObject Collections PATCH (≤ 200 records): an upsert by external id, or an update by Id (byId).
    private async Task<IReadOnlyList<RecordResult>> CollectionAsync(string sObject, IReadOnlyList<JsonObject> records, bool allOrNone, string path, string operation, bool byId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count > MaxCollectionRecords)
        {
            throw new ArgumentException($"sObject Collections take at most {MaxCollectionRecords} records, not {records.Count}", nameof(records));
        }

        if (records.Count == 0)
        {
            return [];
        }

        var type = Name(sObject);
        var array = new JsonArray();
        foreach (var record in records)
        {
            if (byId && record["Id"] is null && record["id"] is null)
            {
                throw new ArgumentException("Every record of an update by id needs its Id", nameof(records));
            }

            // Collections need each record's type in attributes; callers should not have to repeat it.
            var copy = (JsonObject)record.DeepClone();
            copy["attributes"] ??= new JsonObject { ["type"] = type };
            array.Add(copy);
        }

        var payload = new JsonObject { ["allOrNone"] = allOrNone, ["records"] = array }.ToJsonString();
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Patch, path, operation, () => Json(payload)), cancellationToken).ConfigureAwait(false);

        // Update results carry no "created"; an item that failed has no id.
        return (JsonNode.Parse(response.Body) as JsonArray ?? [])
            .Select(r => new RecordResult(
                r?["id"]?.GetValue<string>(),
                r?["success"]?.GetValue<bool>() ?? false,
                r?["created"]?.GetValue<bool>() ?? false,
                SalesforceErrorParser.Parse(r?["errors"])))
            .ToArray();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<JsonObject> QueryAsync(SoqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = await QueryPageAsync(query, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var record in page.Records)
            {
                yield return record;
            }

            if (page.Done || page.NextRecordsUrl is null)
            {
                yield break;
            }

            page = await QueryMoreAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a query and returns its first page.</summary>
    public async Task<QueryPage> QueryPageAsync(SoqlQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "query?q=" + Uri.EscapeDataString(query.Text);
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, path, "query"), cancellationToken).ConfigureAwait(false);
        return ParsePage(response.Body);
    }

    /// <summary>Fetches the page a previous page's <c>nextRecordsUrl</c> points at.</summary>
    public async Task<QueryPage> QueryMoreAsync(string nextRecordsUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(nextRecordsUrl);
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, nextRecordsUrl, "query-more"), cancellationToken).ConfigureAwait(false);
        return ParsePage(response.Body);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, "limits", "limits"), cancellationToken).ConfigureAwait(false);
        var limits = new Dictionary<string, OrgLimit>(StringComparer.OrdinalIgnoreCase);
        if (JsonNode.Parse(response.Body) is JsonObject root)
        {
            foreach (var (name, value) in root)
            {
                if (value?["Max"] is JsonValue max && value["Remaining"] is JsonValue remaining)
                {
                    limits[name] = new OrgLimit(name, max.GetValue<long>(), remaining.GetValue<long>());
                }
            }
        }

        return limits;
    }

    /// <inheritdoc />
    public async Task<SObjectDescription> DescribeAsync(string sObject, CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Get, $"sobjects/{Name(sObject)}/describe", "describe"), cancellationToken).ConfigureAwait(false);
        var root = JsonNode.Parse(response.Body);
        var fields = (root?["fields"] as JsonArray ?? [])
            .Select(f => new SObjectField(
                f?["name"]?.GetValue<string>() ?? string.Empty,
                f?["type"]?.GetValue<string>() ?? string.Empty,
                f?["createable"]?.GetValue<bool>() ?? false,
                f?["updateable"]?.GetValue<bool>() ?? false,
                f?["externalId"]?.GetValue<bool>() ?? false))
            .ToArray();
        return new SObjectDescription(
            root?["name"]?.GetValue<string>() ?? sObject,
            root?["createable"]?.GetValue<bool>() ?? false,
            root?["updateable"]?.GetValue<bool>() ?? false,
            fields);
    }

    /// <inheritdoc />
    public async Task<string> PostFeedItemAsync(Chatter.FeedItemPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var segments = new JsonArray();
        foreach (var segment in post.Segments)
        {
            segments.Add(segment.Type == "Mention"
                ? new JsonObject { ["type"] = "Mention", ["id"] = segment.Id }
                : new JsonObject { ["type"] = "Text", ["text"] = segment.Text });
        }

        var payload = new JsonObject
        {
            ["body"] = new JsonObject { ["messageSegments"] = segments },
            ["feedElementType"] = "FeedItem",
            ["subjectId"] = post.SubjectId,
        }.ToJsonString();
        var response = await connection.SendAsync(new SalesforceRequest(HttpMethod.Post, "chatter/feed-elements", "chatter-post", () => Json(payload)), cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(response.Body)?["id"]?.GetValue<string>() ?? string.Empty;
    }

    private static QueryPage ParsePage(string body)
    {
        var root = JsonNode.Parse(body);
        var records = (root?["records"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToArray();
        return new QueryPage(
            root?["totalSize"]?.GetValue<int>() ?? records.Length,
            root?["done"]?.GetValue<bool>() ?? true,
            root?["nextRecordsUrl"]?.GetValue<string>(),
            records);
    }

    private static string Name(string name) => Soql.Identifier(name).Name;

    private static StringContent Json(string payload) => new(payload, Encoding.UTF8, "application/json");
}
