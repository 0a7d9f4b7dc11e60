using StripeSf.Core.Planning;
using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.Subscriptions;

/// <summary>Assertions on planned composite requests.</summary>
internal static class PlanAssert
{
    /// <summary>The subrequests' reference ids in order.</summary>
    public static string[] References(CompositeRequest request) => [.. request.Subrequests.Select(s => s.ReferenceId)];

    /// <summary>The one subrequest with <paramref name="referenceId"/>, checked for method and URL.</summary>
    public static JsonObject Request(CompositeRequest request, string referenceId, string method, string url)
    {
        var subrequest = Assert.Single(request.Subrequests, s => s.ReferenceId == referenceId);
        Assert.Equal(method, subrequest.Method);
        Assert.Equal(url, subrequest.Url);
        return subrequest.Body ?? [];
    }

    /// <summary>Asserts <paramref name="body"/> has exactly <paramref name="expected"/> (field → value; numbers compare by value, not scale).</summary>
    public static void Fields(JsonObject body, params (string Field, object? Value)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Field).Order(StringComparer.Ordinal), body.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (field, value) in expected)
        {
            var actual = body[field];
            switch (value)
            {
                case decimal or int or long:
                    var amount = actual is JsonValue number && decimal.TryParse(number.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
                    Assert.True(amount is not null, $"{field} is not a number: {actual?.ToJsonString()}");
                    Assert.True(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == amount, $"{field}: expected {value}, got {amount}");
                    break;
                default:
                    Assert.Equal(value is JsonNode node ? node.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(value), actual?.ToJsonString() ?? "null");
                    break;
            }
        }
    }

    /// <summary>The whole request as text, to compare two plans.</summary>
    public static string Text(CompositeRequest request) =>
        $"allOrNone={request.AllOrNone}\n" + string.Join("\n", request.Subrequests.Select(s => $"{s.Method} {s.Url} {s.ReferenceId} {s.Body?.ToJsonString()}"));
    public static string[] References(WritePlan request) => References(request.Request);

    public static JsonObject Request(WritePlan request, string referenceId, string method, string url) => Request(request.Request, referenceId, method, url);

    public static string Text(WritePlan request) => Text(request.Request);
}
