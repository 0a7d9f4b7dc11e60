using StripeSf.Core.Processing;
using static StripeSf.Core.Tests.Facts.FactsFixture;

namespace StripeSf.Core.Tests.Facts;

public sealed class InvoiceFactsTests
{
    [Theory]
    [InlineData("invoice.2020-08-27.json", "sub_facts_annual")]
    [InlineData("invoice.2025-03-31.basil.json", "sub_facts_jp")]
    public void From_SubscriptionId_FoundAtTopLevelBeforeBasilAndUnderParentSince(string file, string subscriptionId)
    {
        Assert.Equal(subscriptionId, Load(file).Invoice().SubscriptionId);
    }

    [Fact]
    public void From_2020_AmountsInMinorUnitsAndThePaymentLinks()
    {
        var invoice = Load("invoice.2020-08-27.json").Invoice();

        Assert.Equal("in_facts_2020", invoice.Id);
        Assert.Equal("cus_facts_0001", invoice.CustomerId);
        Assert.Equal("usd", invoice.Currency);
        Assert.Equal(120000, invoice.AmountDue);
        Assert.Equal(0, invoice.AmountPaid);
        Assert.Equal(2, invoice.AttemptCount);
        Assert.Equal(Unix(1648579400), invoice.NextPaymentAttempt);
        Assert.Equal("ch_facts_failed", invoice.ChargeId);
        Assert.Equal("pi_facts_failed", invoice.PaymentIntentId);
        Assert.False(invoice.Paid);
        Assert.Null(invoice.PaidAt);
        Assert.Equal("Ada Lovelace", invoice.CustomerName);
        Assert.Equal("subscription_cycle", invoice.BillingReason);
    }

    [Fact]
    public void From_Basil_NoChargeOrPaymentIntent_PaidFromStatus_ExpandedCustomerId()
    {
        var invoice = Load("invoice.2025-03-31.basil.json").Invoice();

        Assert.Null(invoice.ChargeId);
        Assert.Null(invoice.PaymentIntentId);
        Assert.True(invoice.Paid);
        Assert.Equal(Unix(1790000090), invoice.PaidAt);
        Assert.Equal("cus_facts_jp", invoice.CustomerId);
        Assert.Equal("jpy", invoice.Currency);
        Assert.Equal(12000, invoice.AmountPaid);
    }

    [Fact]
    public void Lines_2020_ProrationIsTopLevel_RecurringLineCarriesItsYearlyPrice()
    {
        var invoice = Load("invoice.2020-08-27.json").Invoice();

        Assert.Equal(2, invoice.Lines.Count);
        Assert.True(invoice.Lines[0].Proration);
        var recurring = invoice.RecurringLine!;
        Assert.Equal("il_facts_annual", recurring.Id);
        Assert.Equal(120000, recurring.Amount);
        Assert.Equal("year", recurring.Price?.Interval);
        Assert.Equal("price_facts_annual", recurring.PriceId);
        Assert.Equal("sub_facts_annual", recurring.SubscriptionId);
        Assert.Equal("si_facts_annual", recurring.SubscriptionItemId);
        Assert.Equal(Unix(1648320105), recurring.PeriodStart);
        Assert.Equal(Unix(1679856105), recurring.PeriodEnd);
    }

    [Fact]
    public void Lines_Basil_LinksUnderParent_PriceIdFromPricing()
    {
        var line = Load("invoice.2025-03-31.basil.json").Invoice().RecurringLine!;

        Assert.True(line.FromSubscription);
        Assert.False(line.Proration);
        Assert.Equal("sub_facts_jp", line.SubscriptionId);
        Assert.Equal("si_facts_jp", line.SubscriptionItemId);
        Assert.Null(line.Price);
        Assert.Equal("price_facts_jp", line.PriceId);
        Assert.Equal(Unix(1792592000), line.PeriodEnd);
    }

    [Fact]
    public void From_NoCurrency_IsUnmappableNamingInvoiceAndField()
    {
        var error = Assert.Throws<UnmappableEventException>(() =>
            Load("invoice.2025-03-31.basil.json", invoice => invoice.Remove("currency")).Invoice());

        Assert.Equal("invoice in_facts_basil has no currency", error.Message);
    }
}
