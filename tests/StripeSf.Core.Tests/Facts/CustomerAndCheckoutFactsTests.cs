using StripeSf.Core.Processing;
using static StripeSf.Core.Tests.Facts.FactsFixture;

namespace StripeSf.Core.Tests.Facts;

public sealed class CustomerAndCheckoutFactsTests
{
    [Fact]
    public void Customer_2020_ContactFieldsAddressAndStringMetadata()
    {
        var customer = Load("customer.updated.2020-08-27.json").Customer();

        Assert.Equal("cus_facts_0001", customer.Id);
        Assert.Equal("Ada Lovelace", customer.Name);
        Assert.Equal("ada@example.test", customer.Email);
        Assert.Equal("+44 20 7946 0000", customer.Phone);
        Assert.True(customer.Delinquent);
        Assert.Equal("eur", customer.Currency);
        Assert.Equal("London", customer.Address?.City);
        Assert.Equal("GB", customer.Address?.Country);
        Assert.Equal("001000000000001AAA", Assert.Single(customer.Metadata).Value);
    }

    [Fact]
    public void Customer_DeletedDahlia_IdOnly()
    {
        var facts = Load("customer.deleted.2026-07-29.dahlia.json");
        var customer = facts.Customer();

        Assert.Equal("cus_facts_gone", customer.Id);
        Assert.Null(customer.Name);
        Assert.Null(customer.Address);
        Assert.Empty(customer.Metadata);
        Assert.Equal("customer", facts.ObjectType);
        Assert.Null(facts.PreviousAttributes);
    }

    [Fact]
    public void Customer_NoId_IsUnmappable()
    {
        Assert.Equal("customer has no id", Assert.Throws<UnmappableEventException>(() =>
            Load("customer.updated.2020-08-27.json", c => c.Remove("id")).Customer()).Message);
    }

    [Fact]
    public void EventFacts_PreviousAttributes_AreExposed()
    {
        var previous = Load("customer.updated.2020-08-27.json").PreviousAttributes;

        Assert.False(previous?.GetProperty("delinquent").GetBoolean());
    }

    [Fact]
    public void Checkout_2020_IdsAsReferences_SessionMetadata()
    {
        var session = Load("checkout.session.completed.2020-08-27.json").CheckoutSession();

        Assert.Equal("cs_test_facts_2020", session.Id);
        Assert.Equal("subscription", session.Mode);
        Assert.Equal("paid", session.PaymentStatus);
        Assert.Equal("sub_facts_0001", session.SubscriptionId);
        Assert.Equal("cus_facts_0001", session.CustomerId);
        Assert.Equal(10000, session.AmountTotal);
        Assert.Equal("lead-42", session.ClientReferenceId);
        Assert.Null(session.CustomerDetailsName);
        Assert.Equal("ada@example.test", session.CustomerDetailsEmail);
        Assert.Equal("006000000000001AAA", session.Metadata["salesforce_opportunity_id"]);
        Assert.Empty(session.SubscriptionMetadata);
    }

    [Fact]
    public void Checkout_Dahlia_ExpandedSubscriptionAndCustomer_TheirIdsAndMetadata()
    {
        var session = Load("checkout.session.completed.2026-07-29.dahlia.json").CheckoutSession();

        Assert.Equal("sub_facts_0001", session.SubscriptionId);
        Assert.Equal("cus_facts_0001", session.CustomerId);
        Assert.Equal("006000000000002AAA", session.SubscriptionMetadata["salesforce_opportunity_id"]);
        Assert.Equal("006000000000003AAA", session.CustomerMetadata["salesforce_opportunity_id"]);
        Assert.Empty(session.Metadata);
        Assert.Equal("no_payment_required", session.PaymentStatus);
        Assert.Equal("Ada Lovelace", session.CustomerDetailsName);
        Assert.Equal("ada+checkout@example.test", session.CustomerEmail);
    }
}
