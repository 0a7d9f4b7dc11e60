using System.Text.Json.Nodes;

namespace StripeSf.Salesforce.Composite;

/// <summary>The result of one subrequest: its reference id, HTTP status and body (a record result or an error array).</summary>
public sealed record CompositeSubresponse(string ReferenceId, int HttpStatusCode, JsonNode? Body)
{
    /// <summary>True for a 2xx subresponse.</summary>
    public bool IsSuccess => HttpStatusCode is >= 200 and < 300;
}
