using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Subscriptions;

/// <summary>Loads flow fixtures and parses them exactly as the processor does.</summary>
internal static class FlowFixture
{
    /// <summary>The event in <c>Fixtures/flows/{flow}/{file}</c>, optionally changed first (on the whole event JSON).</summary>
    public static StripeEventContext Load(string flow, string file, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "flows", flow, file)))!.AsObject();
        change?.Invoke(node);
        return Parse(Encoding.UTF8.GetBytes(node.ToJsonString()));
    }

    public static StripeEventContext Parse(byte[] payload)
    {
        Assert.True(StripeEventParser.TryParse(payload, 1, out var context, out var error), error);
        return context!;
    }

    /// <summary>The event's <c>data.object</c> in <paramref name="evt"/>, for changes.</summary>
    public static JsonObject Object(JsonObject evt) => evt["data"]!["object"]!.AsObject();

    public static IOptions<SalesforceMappingOptions> Options(Action<SalesforceMappingOptions>? configure = null)
    {
        var options = new SalesforceMappingOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
