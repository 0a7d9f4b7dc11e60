using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class OpportunityIdMetadataTests
{
    [Theory]
    [InlineData("006Dn00000AbCdE", true)]
    [InlineData("006Dn00000AbCdEIAV", true)]
    [InlineData("006Dn00000AbCdEiav", true)]
    [InlineData("006Dn00000AbCdEAAA", false)]
    [InlineData("001Dn00000AbCdE", false)]
    [InlineData("006Dn00000AbCd", false)]
    [InlineData("006Dn00000AbCd!", false)]
    public void IsOpportunityId_Candidates_ChecksPrefixLengthAndSuffix(string id, bool expected)
    {
        Assert.Equal(expected, OpportunityIdMetadata.IsOpportunityId(id));
    }

    [Fact]
    public void Find_ObjectAndCustomerMetadata_ObjectWins()
    {
        var own = new Dictionary<string, string> { ["salesforce_opportunity_id"] = " 006Dn00000AbCdE " };
        var customer = new Dictionary<string, string> { ["salesforce_opportunity_id"] = "006Dn00000ZzZzZ" };

        Assert.Equal("006Dn00000AbCdE", OpportunityIdMetadata.Find("salesforce_opportunity_id", "subscription sub_1", own, customer));
    }

    [Fact]
    public void Find_BlankValue_FallsThroughToCustomer()
    {
        var own = new Dictionary<string, string> { ["salesforce_opportunity_id"] = "" };
        var customer = new Dictionary<string, string> { ["salesforce_opportunity_id"] = "006Dn00000ZzZzZ" };

        Assert.Equal("006Dn00000ZzZzZ", OpportunityIdMetadata.Find("salesforce_opportunity_id", "subscription sub_1", own, customer));
    }

    [Fact]
    public void Find_InvalidValue_ThrowsWithObjectKeyAndValue()
    {
        var own = new Dictionary<string, string> { ["salesforce_opportunity_id"] = "opp-42" };

        var error = Assert.Throws<UnmappableEventException>(() => OpportunityIdMetadata.Find("salesforce_opportunity_id", "subscription sub_1", own));

        Assert.Equal(
            "subscription sub_1: metadata 'salesforce_opportunity_id' is 'opp-42', which is not a Salesforce Opportunity id (15 or 18 letters/digits starting with 006); fix the metadata in Stripe and replay the event",
            error.Message);
    }
}
