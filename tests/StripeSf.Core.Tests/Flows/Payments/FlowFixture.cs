using StripeSf.Core.Planning;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.BillingFlows.Payments;

/// <summary>Loads flow fixtures the way the processor reads events, and reads the planned subrequests back.</summary>
internal static class FlowFixture
{
    public static StripeEventContext Load(string flow, string file, Action<JsonObject>? edit = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "flows", flow, file));
        if (edit is not null)
        {
            var node = JsonNode.Parse(bytes)!.AsObject();
            edit(node);
            bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
        }

        Assert.True(StripeEventParser.TryParse(bytes, 1, out var context, out var error), error);
        return context!;
    }

    public static JsonObject DataObject(JsonObject stripeEvent) => stripeEvent["data"]!["object"]!.AsObject();

    public static IOptions<SalesforceMappingOptions> Options(Action<SalesforceMappingOptions>? configure = null)
    {
        var options = new SalesforceMappingOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    /// <summary>"METHOD url" per subrequest, in order.</summary>
    public static string[] Calls(CompositeRequest request) => [.. request.Subrequests.Select(s => $"{s.Method} {s.Url}")];

    public static JsonObject Body(CompositeRequest request, string referenceId) =>
        request.Subrequests.Single(s => s.ReferenceId == referenceId).Body ?? throw new InvalidOperationException($"{referenceId} has no body");

    /// <summary>Asserts that <paramref name="actual"/> is exactly <paramref name="expectedJson"/> (numbers compared by value).</summary>
    public static void AssertBody(string expectedJson, JsonObject actual)
    {
        var expected = JsonNode.Parse(expectedJson)!;
        var roundTripped = JsonNode.Parse(actual.ToJsonString())!;
        Assert.True(JsonNode.DeepEquals(expected, roundTripped), $"expected {expected.ToJsonString()}\n  actual {roundTripped.ToJsonString()}");
    }

    /// <summary>Every body and URL of the request as one string, for scans.</summary>
    public static string Everything(CompositeRequest request) =>
        string.Join('\n', request.Subrequests.Select(s => $"{s.Method} {s.Url} {s.Body?.ToJsonString()}"));

    /// <summary>Plans twice and asserts the two plans are the same (redelivery writes the same records).</summary>
    public static void AssertSamePlan(CompositeRequest first, CompositeRequest second)
    {
        Assert.Equal(first.AllOrNone, second.AllOrNone);
        Assert.Equal(Everything(first), Everything(second));
    }
    public static string[] Calls(WritePlan request) => Calls(request.Request);

    public static JsonObject Body(WritePlan request, string referenceId) => Body(request.Request, referenceId);

    public static string Everything(WritePlan request) => Everything(request.Request);

    public static void AssertSamePlan(WritePlan first, CompositeRequest second) => AssertSamePlan(first.Request, second);

    public static void AssertSamePlan(WritePlan first, WritePlan second) => AssertSamePlan(first.Request, second.Request);
}
