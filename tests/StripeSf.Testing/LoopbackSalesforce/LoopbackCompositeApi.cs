using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// POST composite: runs up to 25 subrequests in order in one transaction, resolving
/// <c>@{ref.field}</c> references; with allOrNone one failure rolls everything back and every other
/// subrequest answers 400 PROCESSING_HALTED.
/// </summary>
internal sealed partial class LoopbackCompositeApi(Func<string, string, JsonObject?, LoopbackJournal, LoopbackResult> dispatch)
{
    public LoopbackResult Handle(JsonObject body)
    {
        var subrequests = (body["compositeRequest"] as JsonArray ?? []).OfType<JsonObject>().ToArray();
        if (subrequests.Length > 25)
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALID_API_INPUT", "Composite API can't have more than 25 subrequests"));
        }

        var allOrNone = body["allOrNone"]?.GetValue<bool>() ?? false;
        var journal = new LoopbackJournal();
        var results = new List<(string Ref, LoopbackResult Result)>();
        var bodies = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var failedAt = -1;

        for (var i = 0; i < subrequests.Length; i++)
        {
            var sub = subrequests[i];
            var referenceId = sub["referenceId"]?.GetValue<string>() ?? string.Empty;
            if (failedAt >= 0 && allOrNone)
            {
                results.Add((referenceId, LoopbackResult.Error(400, LoopbackError.Halted)));
                continue;
            }

            LoopbackResult result;
            try
            {
                var url = Resolve(sub["url"]?.GetValue<string>() ?? string.Empty, bodies);
                var subBody = sub["body"] is JsonObject b ? (JsonObject)ResolveNode(b.DeepClone(), bodies)! : null;
                var method = sub["method"]?.GetValue<string>() ?? "GET";
                var path = Regex.Replace(url, @"^/services/data/v[0-9.]+/", string.Empty);
                result = dispatch(method, path, subBody, journal);
            }
            catch (KeyNotFoundException ex)
            {
                result = LoopbackResult.Error(400, new LoopbackError("PROCESSING_HALTED", ex.Message));
            }

            results.Add((referenceId, result));
            bodies[referenceId] = result.Json;
            if (result.Status >= 300 && failedAt < 0)
            {
                failedAt = i;
            }
        }

        if (allOrNone && failedAt >= 0)
        {
            journal.Rollback();
            for (var i = 0; i < results.Count; i++)
            {
                if (i != failedAt)
                {
                    results[i] = (results[i].Ref, LoopbackResult.Error(400, LoopbackError.Halted));
                }
            }
        }

        var array = new JsonArray();
        foreach (var (referenceId, result) in results)
        {
            var headers = new JsonObject();
            if (result.Status == 201 && result.Json?["id"] is JsonValue id)
            {
                headers["Location"] = $"/sobjects/{id}";
            }

            array.Add(new JsonObject
            {
                ["body"] = result.Json?.DeepClone(),
                ["httpHeaders"] = headers,
                ["httpStatusCode"] = result.Status,
                ["referenceId"] = referenceId,
            });
        }

        return new LoopbackResult(200, new JsonObject { ["compositeResponse"] = array });
    }

    private static JsonNode? ResolveNode(JsonNode? node, Dictionary<string, JsonNode?> bodies)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                {
                    obj[key] = ResolveNode(obj[key]?.DeepClone(), bodies);
                }

                return obj;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("@{", StringComparison.Ordinal):
                return JsonValue.Create(Resolve(text, bodies));
            default:
                return node;
        }
    }

    private static string Resolve(string text, Dictionary<string, JsonNode?> bodies) =>
        Reference().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            var path = match.Groups[2].Value;
            if (!bodies.TryGetValue(name, out var body) || Walk(body, path) is not JsonValue value)
            {
                throw new KeyNotFoundException($"Invalid reference specified. No value for {name}.{path} found in {name}. Provided referenceId ({name}) must be a subrequest that succeeded earlier.");
            }

            return value.ToString();
        });

    // Follows a reference path such as "id", "OwnerId" or "records[0].AccountId" through a result body.
    private static JsonNode? Walk(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? step : step[..bracket];
            node = node is JsonObject record ? record[name] : null;
            if (bracket >= 0)
            {
                var index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                node = node is JsonArray items && index < items.Count ? items[index] : null;
            }
        }

        return node;
    }

    [GeneratedRegex(@"@\{([A-Za-z0-9_]+)\.([A-Za-z0-9_.\[\]]+)\}")]
    private static partial Regex Reference();
}
