using System.Text.Json.Nodes;
using static StripeSf.Core.Tests.Facts.FactsFixture;

namespace StripeSf.Core.Tests.Facts;

/// <summary>The customer facts the identity ladder reads: the previous email and the Salesforce ids in the metadata.</summary>
public sealed class CustomerIdentityFactsTests
{
    [Fact]
    public void PreviousEmail_ComesFromPreviousAttributes()
    {
        var customer = Load("customer.updated.2020-08-27.json", changeEvent: e => e["data"]!["previous_attributes"] = new JsonObject { ["email"] = " old@example.test " }).Customer();

        Assert.Equal("old@example.test", customer.PreviousEmail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ADA@example.test")]
    public void PreviousEmail_BlankNullOrTheSameAddress_IsNone(string? previous)
    {
        var customer = Load("customer.updated.2020-08-27.json", changeEvent: e => e["data"]!["previous_attributes"] = new JsonObject { ["email"] = previous }).Customer();

        Assert.Null(customer.PreviousEmail);
    }

    [Fact]
    public void PreviousEmail_UpdateThatChangedSomethingElse_IsNone()
    {
        var customer = Load("customer.updated.2020-08-27.json", changeEvent: e => e["data"]!["previous_attributes"] = new JsonObject { ["name"] = "Ada" }).Customer();

        Assert.Null(customer.PreviousEmail);
    }

    [Fact]
    public void Links_ReadsTheThreeSalesforceIds_AndIgnoresValuesThatAreNotIdsOfThatObject()
    {
        var customer = Load("customer.updated.2020-08-27.json", c => c["metadata"] = new JsonObject
        {
            ["salesforce_account_id"] = "001000000000001AAA",
            ["salesforce_contact_id"] = "003000000000001",
            ["salesforce_lead_id"] = "00Q000000000001AAA",
        }).Customer();

        Assert.Equal(new("001000000000001AAA", "003000000000001", "00Q000000000001AAA"), customer.Links);

        var wrong = Load("customer.updated.2020-08-27.json", c => c["metadata"] = new JsonObject
        {
            ["salesforce_account_id"] = "003000000000001AAA",
            ["salesforce_contact_id"] = "003' OR Id != '",
            ["salesforce_lead_id"] = "00Q0000000001",
        }).Customer();

        Assert.Equal(Core.Facts.SalesforceLinks.None, wrong.Links);
        Assert.False(wrong.Links.NamesAccountOrContact);
    }
}
