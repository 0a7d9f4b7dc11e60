using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>One Salesforce error; renders in the top-level (<c>errorCode</c>) or per-record (<c>statusCode</c>) shape.</summary>
internal sealed record LoopbackError(string Code, string Message, IReadOnlyList<string>? Fields = null)
{
    public JsonObject TopLevel() => new()
    {
        ["message"] = Message,
        ["errorCode"] = Code,
        ["fields"] = new JsonArray((Fields ?? []).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
    };

    public JsonObject PerRecord() => new()
    {
        ["statusCode"] = Code,
        ["message"] = Message,
        ["fields"] = new JsonArray((Fields ?? []).Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
    };

    public static JsonArray Array(params LoopbackError[] errors) => new(errors.Select(e => (JsonNode)e.TopLevel()).ToArray());

    public static readonly LoopbackError InvalidSession = new("INVALID_SESSION_ID", "Session expired or invalid");
    public static readonly LoopbackError ServerUnavailable = new("SERVER_UNAVAILABLE", "Server temporarily unavailable for maintenance");
    public static readonly LoopbackError RequestLimit = new("REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    public static readonly LoopbackError NotFound = new("NOT_FOUND", "The requested resource does not exist");
    public static readonly LoopbackError RolledBack = new("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header");
    public static readonly LoopbackError Halted = new("PROCESSING_HALTED", "The transaction was rolled back since another operation in the same transaction failed.");

    public static LoopbackError LockRow(string id) => new("UNABLE_TO_LOCK_ROW", $"unable to obtain exclusive access to this record or 1 records: {id}");
}
