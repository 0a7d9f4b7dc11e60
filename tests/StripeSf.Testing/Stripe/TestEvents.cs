using System.Text;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.Stripe;

/// <summary>Stripe event payloads for tests: fixture files with fresh ids, or minimal events built in code.</summary>
public static class TestEvents
{
    /// <summary>The shared fixture folder (copied next to the test assembly).</summary>
    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stripe");

    /// <summary>A fixture by file name (e.g. <c>invoice.payment_failed.json</c>), with the event id replaced when given.</summary>
    public static byte[] Fixture(string name, string? eventId = null, bool? livemode = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureDirectory, name)))!.AsObject();
        if (eventId is not null)
        {
            node["id"] = eventId;
        }

        if (livemode is not null)
        {
            node["livemode"] = livemode.Value;
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>A minimal event of <paramref name="type"/> about <paramref name="dataObject"/>.</summary>
    public static byte[] Minimal(string type, string eventId, JsonObject dataObject, bool livemode = false, long created = 1_763_000_000, string apiVersion = "2026-10-28.endive") =>
        Encoding.UTF8.GetBytes(Envelope(type, eventId, dataObject, livemode, created, apiVersion).ToJsonString());

    /// <summary>The same event as a JSON object, for tests that add to it (e.g. <c>data.previous_attributes</c>).</summary>
    public static JsonObject Envelope(string type, string eventId, JsonObject dataObject, bool livemode = false, long created = 1_763_000_000, string apiVersion = "2026-10-28.endive") => new()
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = apiVersion,
        ["created"] = created,
        ["livemode"] = livemode,
        ["type"] = type,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject { ["object"] = dataObject },
    };
}
