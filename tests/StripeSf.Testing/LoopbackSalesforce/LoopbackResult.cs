using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>What a REST handler answers: status, JSON or text body, content type.</summary>
internal sealed record LoopbackResult(int Status, JsonNode? Json = null, string? Text = null, string ContentType = "application/json")
{
    public static LoopbackResult Error(int status, params LoopbackError[] errors) => new(status, LoopbackError.Array(errors));

    public static LoopbackResult Csv(string text) => new(200, Text: text, ContentType: "text/csv");
}
