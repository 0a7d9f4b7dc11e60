using System.Text.Json;
using StripeSf.Core.Facts;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Facts;

public sealed class StripeJsonTests
{
    private static StripeJson Read(string json) => new(JsonDocument.Parse(json).RootElement.Clone(), "charge ch_1");

    [Fact]
    public void Has_MissingAndNullAreToldApart()
    {
        var json = Read("""{"cancel_at": null, "parent": {"type": "x"}}""");

        Assert.True(json.Has("cancel_at"));
        Assert.True(json.IsNull("cancel_at"));
        Assert.Null(json.Get("cancel_at"));
        Assert.False(json.Has("canceled_at"));
        Assert.False(json.IsNull("canceled_at"));
        Assert.True(json.Has("parent.type"));
        Assert.False(json.Has("parent.type.deeper"));
    }

    [Fact]
    public void TypedAccessors_ReadEachKindAndRefuseTheWrongOne()
    {
        var json = Read("""
            {"amount": 2000, "unit_amount_decimal": "12.5", "percent_off": 15.5, "paid": true, "created": 1700000000,
             "name": "Ada", "big": 1e30, "nested": {"deep": {"value": 7}}}
            """);

        Assert.Equal(2000, json.Long("amount"));
        Assert.Null(json.Long("name"));
        Assert.Null(json.Long("percent_off"));
        Assert.Null(json.Long("big"));
        Assert.Equal(12.5m, json.Decimal("unit_amount_decimal"));
        Assert.Equal(15.5m, json.Decimal("percent_off"));
        Assert.Equal(2000m, json.Decimal("amount"));
        Assert.True(json.Bool("paid"));
        Assert.Null(json.Bool("amount"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), json.Time("created"));
        Assert.Equal("Ada", json.String("name"));
        Assert.Null(json.String("amount"));
        Assert.Equal(7, json.Long("nested.deep.value"));
        Assert.Equal("charge ch_1.nested.deep", json.Object("nested.deep")?.Name);
    }

    [Fact]
    public void Id_ReadsAReferenceAsIdOrAsExpandedObject()
    {
        var json = Read("""{"customer": "cus_1", "subscription": {"id": "sub_1", "object": "subscription"}, "invoice": null}""");

        Assert.Equal("cus_1", json.Id("customer"));
        Assert.Equal("sub_1", json.Id("subscription"));
        Assert.Null(json.Id("invoice"));
        Assert.Null(json.Object("customer"));
        Assert.NotNull(json.Object("subscription"));
    }

    [Fact]
    public void List_ReadsListObjectsAndPlainArrays_EmptyWhenMissing()
    {
        var json = Read("""{"refunds": {"object": "list", "data": [{"id": "re_1"}, {"id": "re_2"}]}, "discounts": ["di_1"], "lines": null}""");

        var refunds = json.List("refunds");
        Assert.Equal(["re_1", "re_2"], refunds.Select(r => r.String("id")));
        Assert.Equal("charge ch_1.refunds[1]", refunds[1].Name);
        Assert.Single(json.List("discounts"));
        Assert.Empty(json.List("lines"));
        Assert.Empty(json.List("charges"));
        Assert.True(json.HasList("refunds"));
        Assert.False(json.HasList("lines"));
    }

    [Fact]
    public void Metadata_KeepsStringValuesOnly()
    {
        var json = Read("""{"metadata": {"a": "1", "b": 2, "c": null}}""");

        var metadata = json.Metadata();

        Assert.Equal("1", Assert.Single(metadata).Value);
    }

    [Fact]
    public void Required_MissingNullOrEmpty_ThrowsUnmappableNamingThePath()
    {
        var json = Read("""{"currency": null, "customer": "", "amount": "12"}""");

        Assert.Equal("charge ch_1 has no currency", Assert.Throws<UnmappableEventException>(() => json.RequiredId("currency")).Message);
        Assert.Equal("charge ch_1 has no customer", Assert.Throws<UnmappableEventException>(() => json.RequiredId("customer")).Message);
        Assert.Equal("charge ch_1 has no amount", Assert.Throws<UnmappableEventException>(() => json.RequiredLong("amount")).Message);
        Assert.Equal("charge ch_1 has no billing_details.name", Assert.Throws<UnmappableEventException>(() => json.RequiredId("billing_details.name")).Message);
    }

    [Theory]
    [InlineData("2020-08-27", 2020, 8, 27)]
    [InlineData("2025-03-31.basil", 2025, 3, 31)]
    [InlineData("2026-07-29.dahlia", 2026, 7, 29)]
    public void ApiVersion_ParsesTheDate(string text, int year, int month, int day)
    {
        var version = StripeApiVersion.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), version?.Date);
        Assert.Equal(text, version?.ToString());
    }

    [Fact]
    public void ApiVersion_OrdersByDate()
    {
        Assert.False(StripeApiVersion.Parse("2025-02-24.acacia")!.IsAtLeast(StripeApiVersion.Basil));
        Assert.True(StripeApiVersion.Parse("2025-03-31.basil")!.IsAtLeast(StripeApiVersion.Basil));
        Assert.True(StripeApiVersion.Parse("2022-11-15")!.IsAtLeast(StripeApiVersion.ChargesNotEmbedded));
        Assert.Null(StripeApiVersion.Parse("latest"));
        Assert.Null(StripeApiVersion.Parse(null));
    }
}
