using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>Maps a method and a raw path below <c>/services/data/vNN.0/</c> to the handler; shared by HTTP and Composite subrequests.</summary>
internal sealed class LoopbackRouter
{
    private readonly LoopbackRecordsApi records;
    private readonly LoopbackQueryApi query;
    private readonly LoopbackBulkApi bulk;
    private readonly LoopbackCompositeApi composite;
    private readonly LoopbackOrg org;

    /// <summary>Chatter feed posts (Connect REST API).</summary>
    public LoopbackChatterApi Chatter { get; }

    public LoopbackRouter(LoopbackOrg org)
    {
        this.org = org;
        var writer = new LoopbackWriter(org);
        records = new LoopbackRecordsApi(org, writer);
        query = new LoopbackQueryApi(org);
        bulk = new LoopbackBulkApi(org, writer);
        Chatter = new LoopbackChatterApi(org);
        // The Composite resource takes sObject, query and collections resources, not Connect REST API ones.
        composite = new LoopbackCompositeApi((method, path, body, journal) => Segments(path) is ["chatter", ..]
            ? LoopbackResult.Error(400, new LoopbackError("INVALID_API_INPUT", "Connect REST API resources are not supported in a Composite request"))
            : Dispatch(org.Options.LatestApiVersion, method, path, body, null, journal));
    }

    public static LoopbackApiCall Classify(string method, string rawPath)
    {
        var s = Segments(rawPath);
        return s switch
        {
            ["composite"] => LoopbackApiCall.Composite,
            ["composite", "sobjects", ..] => LoopbackApiCall.Collections,
            ["sobjects", _, "describe"] => LoopbackApiCall.Describe,
            ["sobjects", _, _, _] => LoopbackApiCall.Upsert,
            ["sobjects", ..] => LoopbackApiCall.Record,
            ["query"] => LoopbackApiCall.Query,
            ["query", _] => LoopbackApiCall.QueryMore,
            ["jobs", ..] => LoopbackApiCall.Bulk,
            ["limits"] => LoopbackApiCall.Limits,
            ["chatter", ..] => LoopbackApiCall.Chatter,
            _ => LoopbackApiCall.Other,
        };
    }

    public static bool IsWrite(string method) => method is "POST" or "PATCH" or "PUT" or "DELETE";

    public LoopbackResult Dispatch(string version, string method, string rawPath, JsonObject? body, string? text, LoopbackJournal? journal = null)
    {
        var s = Segments(rawPath);
        var q = rawPath.Contains('?', StringComparison.Ordinal) ? QueryHelpers.ParseQuery(rawPath[rawPath.IndexOf('?', StringComparison.Ordinal)..]) : [];
        var tx = journal ?? new LoopbackJournal();
        body ??= new JsonObject();
        return (method, s) switch
        {
            ("GET", ["limits"]) => Limits(),
            ("GET", ["sobjects", var t, "describe"]) => records.Describe(t),
            ("POST", ["sobjects", var t]) => records.Create(t, body, tx),
            ("GET", ["sobjects", var t, var id]) => records.Read(version, t, id),
            ("GET", ["sobjects", var t, var f, var v]) => records.ReadByExternalId(version, t, f, v, q.TryGetValue("fields", out var fields) ? fields.ToString() : null),
            ("PATCH", ["sobjects", var t, var id]) => records.Update(t, id, body, tx),
            ("DELETE", ["sobjects", var t, var id]) => records.Delete(t, id, tx),
            ("PATCH", ["sobjects", var t, var f, var v]) => records.Upsert(version, t, f, v, body, tx, q.TryGetValue("updateOnly", out var only) && string.Equals(only.ToString(), "true", StringComparison.OrdinalIgnoreCase)),
            ("POST", ["composite"]) => composite.Handle(body),
            ("POST", ["chatter", "feed-elements"]) => Chatter.Post(body),
            ("PATCH", ["composite", "sobjects", var t, var f]) => records.UpsertCollection(t, f, body),
            ("PATCH", ["composite", "sobjects"]) => records.UpdateCollection(body),
            ("GET", ["query"]) => query.Query(version, q.TryGetValue("q", out var soql) ? soql.ToString() : string.Empty),
            ("GET", ["query", var locator]) => query.More(version, locator),
            ("POST", ["jobs", "ingest"]) => bulk.Create(version, body),
            ("PUT", ["jobs", "ingest", var id, "batches"]) => bulk.Upload(id, text ?? string.Empty),
            ("PATCH", ["jobs", "ingest", var id]) => bulk.Patch(version, id, body),
            ("GET", ["jobs", "ingest", var id]) => bulk.Get(version, id),
            ("GET", ["jobs", "ingest", var id, var kind]) => bulk.Results(id, kind),
            _ => LoopbackResult.Error(404, LoopbackError.NotFound),
        };
    }

    private LoopbackResult Limits()
    {
        var max = org.Options.DailyApiMax;
        return new LoopbackResult(200, new JsonObject
        {
            ["DailyApiRequests"] = new JsonObject { ["Max"] = max, ["Remaining"] = Math.Max(0, max - org.ApiUsage) },
            ["DailyBulkV2QueryJobs"] = new JsonObject { ["Max"] = 10000, ["Remaining"] = 10000 },
            ["DataStorageMB"] = new JsonObject { ["Max"] = 1024, ["Remaining"] = 1000 },
        });
    }

    private static string[] Segments(string rawPath)
    {
        var path = rawPath.Split('?')[0];
        return path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
    }
}
