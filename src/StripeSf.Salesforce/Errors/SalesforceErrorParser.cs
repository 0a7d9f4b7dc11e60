using System.Text.Json;
using System.Text.Json.Nodes;

namespace StripeSf.Salesforce.Errors;

/// <summary>Reads the error shapes Salesforce answers with into <see cref="SalesforceError"/>s.</summary>
public static class SalesforceErrorParser
{
    /// <summary>
    /// Parses a response body: a top-level array of <c>{message, errorCode, fields}</c>, a single such
    /// object (older docs), per-record results <c>{success:false, errors:[{statusCode, message, fields}]}</c>,
    /// an OAuth error <c>{error, error_description}</c>, or the 300 list of matching records.
    /// </summary>
    public static IReadOnlyList<SalesforceError> Parse(int httpStatusCode, string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return httpStatusCode == 300 ? [MultipleMatches(null)] : [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // Load balancers answer maintenance and gateway errors with HTML; keep a readable snippet.
            var snippet = body.Length > 200 ? body[..200] : body;
            return [new SalesforceError($"HTTP_{httpStatusCode}", snippet.Trim(), [])];
        }

        return httpStatusCode == 300 ? [MultipleMatches(node)] : Parse(node);
    }

    /// <summary>Parses an already-parsed body (a composite subresponse body, a collections item).</summary>
    public static IReadOnlyList<SalesforceError> Parse(JsonNode? node)
    {
        var errors = new List<SalesforceError>();
        Collect(node, errors);
        return errors;
    }

    private static void Collect(JsonNode? node, List<SalesforceError> errors)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, errors);
                }

                break;
            case JsonObject obj when obj["errors"] is JsonArray nested:
                Collect(nested, errors);
                break;
            case JsonObject obj when obj["error"] is JsonValue oauth:
                errors.Add(new SalesforceError(oauth.ToString(), Text(obj["error_description"]), []));
                break;
            case JsonObject obj when obj["errorCode"] is not null || obj["statusCode"] is not null || obj["message"] is not null:
                var code = Text(obj["errorCode"] ?? obj["statusCode"]);
                errors.Add(new SalesforceError(
                    code.Length == 0 ? "UNKNOWN" : code,
                    Text(obj["message"]),
                    obj["fields"] is JsonArray fields ? fields.Select(f => Text(f)).ToArray() : []));
                break;
        }
    }

    private static SalesforceError MultipleMatches(JsonNode? node)
    {
        // The docs promise "a list of the records that matched" without a verbatim shape; accept
        // both a bare list of URLs and a list of objects, and name them for the operator.
        var matches = node is JsonArray array
            ? array.Select(i => i is JsonValue ? Text(i) : Text(i?["url"] ?? i?["attributes"]?["url"] ?? i?["Id"])).ToArray()
            : [];
        var message = matches.Length == 0
            ? "The external id matched more than one record"
            : $"The external id matched {matches.Length} records: {string.Join(", ", matches)}";
        return new SalesforceError("MULTIPLE_CHOICES", message, []);
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
