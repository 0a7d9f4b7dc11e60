using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// Connect REST API <c>POST chatter/feed-elements</c> (a FeedItem on a record's feed), as documented:
/// 201 with the feed element; 400 for a body without segments or another element type; 404 when the
/// subject is not a record of the org. The posts are kept for tests (<see cref="Posts"/>).
/// </summary>
internal sealed class LoopbackChatterApi(LoopbackOrg org)
{
    private int _next;

    public ConcurrentQueue<JsonObject> Posts { get; } = new();

    public LoopbackResult Post(JsonObject body)
    {
        var subject = body["subjectId"]?.GetValue<string>();
        var segments = body["body"]?["messageSegments"] as JsonArray;
        if (body["feedElementType"]?.GetValue<string>() != "FeedItem" || segments is not { Count: > 0 } || string.IsNullOrEmpty(subject))
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALID_API_INPUT", "feedElementType FeedItem, subjectId and body.messageSegments are required"));
        }

        foreach (var segment in segments)
        {
            var type = segment?["type"]?.GetValue<string>();
            if (type == "Mention" && segment?["id"]?.GetValue<string>() is not { } user || (type == "Mention" && !segment!["id"]!.GetValue<string>().StartsWith("005", StringComparison.Ordinal)))
            {
                return LoopbackResult.Error(400, new LoopbackError("INVALID_ID_FIELD", "a Mention segment needs the id of a user"));
            }

            if (type is not ("Text" or "Mention"))
            {
                return LoopbackResult.Error(400, new LoopbackError("INVALID_API_INPUT", $"unknown message segment type {type}"));
            }
        }

        if (org.FindById(subject) is null)
        {
            return LoopbackResult.Error(404, LoopbackError.NotFound);
        }

        var id = $"0D5LB{Interlocked.Increment(ref _next):D10}AAA";
        var element = new JsonObject
        {
            ["id"] = id,
            ["feedElementType"] = "FeedItem",
            ["parent"] = new JsonObject { ["id"] = subject },
            ["body"] = new JsonObject { ["messageSegments"] = segments.DeepClone() },
        };
        Posts.Enqueue((JsonObject)element.DeepClone());
        return new LoopbackResult(201, element);
    }
}
