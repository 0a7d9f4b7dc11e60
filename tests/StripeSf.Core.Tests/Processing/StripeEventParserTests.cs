using System.Text;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Processing;

public sealed class StripeEventParserTests
{
    private static bool Parse(string json, out StripeEventContext? context, out string error) =>
        StripeEventParser.TryParse(Encoding.UTF8.GetBytes(json), 2, out context, out error);

    [Fact]
    public void TryParse_EventAtAnApiVersionStripeNetDoesNotKnow_ReadsTheEnvelope()
    {
        Assert.True(Parse("""{"id":"evt_1","object":"event","api_version":"2031-01-01.future","type":"customer.updated","created":1795000000,"data":{"object":{"id":"cus_1","object":"customer","new_shape":{"a":1}}}}""", out var context, out var error), error);

        Assert.Equal("evt_1", context!.EventId);
        Assert.Equal("customer.updated", context.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), context.Created);
        Assert.Equal(2, context.Attempt);
        Assert.Equal("customer", context.Facts.ObjectType);
    }

    [Theory]
    [InlineData("""{"id":"evt_1","type":"customer.updated","created":1,"data":{}}""", "with id, type and data.object")]
    [InlineData("""{"type":"customer.updated","created":1,"data":{"object":{}}}""", "with id, type and data.object")]
    [InlineData("""{"id":"evt_1","type":"customer.updated","data":{"object":{}}}""", "evt_1 has no numeric created time")]
    [InlineData("""[1,2]""", "with id, type and data.object")]
    [InlineData("""{"id":""", "not a readable Stripe event")]
    public void TryParse_NotAStripeEvent_SaysWhatIsMissing(string json, string expected)
    {
        Assert.False(Parse(json, out _, out var error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
