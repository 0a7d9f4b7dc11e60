using System.Text.Json.Nodes;
using CsCheck;
using StripeSf.Core.Leads;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.Leads;

public sealed class CustomerDraftBuilderTests
{
    private static readonly LeadSyncMap Map = new();

    [Fact]
    public void Build_DefaultMapping_FillsTheCustomerFieldsAndTheLeadIdMetadata()
    {
        var draft = CustomerDraftBuilder.Build(Lead("00Q1", "Ada", "Lovelace", "Engines", "ada@example.com", null), Map);

        Assert.Equal("ada@example.com", draft.Value("email"));
        Assert.Equal("Ada Lovelace", draft.Value("name"));
        Assert.Equal("Engines", draft.Value("business_name"));
        // A blank Lead field is sent as empty, so an update clears the customer's value.
        Assert.Equal("", draft.Value("phone"));
        Assert.Contains(draft.Values, v => v.Key == "phone");
        Assert.Equal("00Q1", draft.Value("metadata.salesforce_lead_id"));
    }

    [Fact]
    public void Fingerprint_ChangesExactlyWhenTheLeadOrASentValueChanges()
    {
        var gen = Gen.Select(Gen.OneOf("00Q1", "00Q2"), Gen.OneOf<string?>("Ada", "Grace", null), Gen.OneOf("Lovelace", "Hopper"),
            Gen.OneOf("ada@example.com", "grace@example.com", "ADA@example.com"), Gen.OneOf<string?>(null, "+1 555 0100"));
        Gen.Select(gen, gen).Sample(pair =>
        {
            var (a, b) = pair;
            var first = CustomerDraftBuilder.Build(Lead(a.Item1, a.Item2, a.Item3, "Co", a.Item4, a.Item5), Map);
            var second = CustomerDraftBuilder.Build(Lead(b.Item1, b.Item2, b.Item3, "Co", b.Item4, b.Item5), Map);
            var same = first.LeadId == second.LeadId && first.Values.SequenceEqual(second.Values);
            Assert.Equal(same, first.Fingerprint == second.Fingerprint);
            Assert.Equal(same, first.IdempotencyKey(null) == second.IdempotencyKey(null));
        }, iter: 500);
    }

    [Fact]
    public void IdempotencyKey_CreateAndUpdateOfTheSameValues_AreDifferentKeys()
    {
        var draft = CustomerDraftBuilder.Build(Lead("00Q1", "Ada", "Lovelace", "Engines", "ada@example.com", null), Map);

        Assert.StartsWith("stripesf-lead-00Q1-create-", draft.IdempotencyKey(null), StringComparison.Ordinal);
        Assert.StartsWith("stripesf-lead-00Q1-update-cus_1-", draft.IdempotencyKey("cus_1"), StringComparison.Ordinal);
        Assert.True(draft.IdempotencyKey("cus_1").Length <= 255, "Stripe takes keys of up to 255 characters");
    }

    [Fact]
    public void Build_ConfiguredMapping_SendsMetadataAndDropsAnEmptiedDefault()
    {
        var map = new LeadSyncMap();
        map.Fields["phone"] = "";
        map.Fields["metadata.lead_city"] = "City";
        var lead = Lead("00Q1", "Ada", "Lovelace", "Engines", "ada@example.com", "+1 555 0100");
        lead.Fields["City"] = "London";

        var draft = CustomerDraftBuilder.Build(lead, map);

        Assert.DoesNotContain(draft.Values, v => v.Key == "phone");
        Assert.Equal("London", draft.Value("metadata.lead_city"));
        Assert.Contains("City", LeadQueryBuilder.Fields(map));
    }

    [Fact]
    public void Problem_UnknownCustomerField_NamesTheSetting()
    {
        var map = new LeadSyncMap();
        map.Fields["card_number"] = "Description";

        Assert.Contains("Mapping__LeadSync__Fields: card_number is not a Stripe customer field", CustomerDraftBuilder.Problem(map), StringComparison.Ordinal);
        Assert.Null(CustomerDraftBuilder.Problem(new LeadSyncMap()));
    }

    internal static LeadRecord Lead(string id, string? first, string? last, string? company, string? email, string? phone) =>
        new(id, DateTimeOffset.UnixEpoch, new JsonObject
        {
            ["Id"] = id, ["FirstName"] = first, ["LastName"] = last, ["Company"] = company, ["Email"] = email, ["Phone"] = phone,
        });
}
