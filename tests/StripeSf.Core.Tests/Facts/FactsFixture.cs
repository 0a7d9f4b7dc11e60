using System.Text.Json;
using System.Text.Json.Nodes;
using StripeSf.Core.Facts;

namespace StripeSf.Core.Tests.Facts;

/// <summary>Loads the events in <c>Fixtures/facts</c> (hand-written, one per object and API version) into <see cref="EventFacts"/>.</summary>
internal static class FactsFixture
{
    public static EventFacts Load(string file, Action<JsonObject>? changeObject = null, Action<JsonObject>? changeEvent = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "facts", file)))!.AsObject();
        changeObject?.Invoke(node["data"]!["object"]!.AsObject());
        changeEvent?.Invoke(node);
        return EventFacts.Of(JsonSerializer.SerializeToElement(node));
    }

    public static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);
}
