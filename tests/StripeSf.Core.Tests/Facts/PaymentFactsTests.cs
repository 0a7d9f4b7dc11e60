using StripeSf.Core.Processing;
using static StripeSf.Core.Tests.Facts.FactsFixture;

namespace StripeSf.Core.Tests.Facts;

public sealed class PaymentFactsTests
{
    [Fact]
    public void Charge_2020_EmbedsItsRefundsNewestFirst()
    {
        var charge = Load("charge.refunded.2020-08-27.json").Charge();

        Assert.True(charge.RefundsEmbedded);
        Assert.Equal(["re_facts_2", "re_facts_1"], charge.Refunds.Select(r => r.Id));
        Assert.Equal(2000, charge.Refunds[0].Amount);
        Assert.Equal("eur", charge.Refunds[0].Currency);
        Assert.Equal(Unix(1648329000), charge.Refunds[0].Created);
        Assert.Equal(3000, charge.AmountRefunded);
        Assert.False(charge.FullyRefunded);
    }

    [Fact]
    public void Charge_2020_AmountsInvoiceAndCardBrandAndLast4Only()
    {
        var charge = Load("charge.refunded.2020-08-27.json").Charge();

        Assert.Equal("ch_facts_2020", charge.Id);
        Assert.Equal(5000, charge.Amount);
        Assert.Equal("eur", charge.Currency);
        Assert.True(charge.Succeeded);
        Assert.Equal("in_facts_paid", charge.InvoiceId);
        Assert.Equal("pi_facts_2020", charge.PaymentIntentId);
        Assert.Equal("visa", charge.CardBrand);
        Assert.Equal("4242", charge.CardLast4);
        Assert.Equal("ada@example.test", charge.BillingEmail);
        Assert.Equal(Unix(1648320500), charge.Created);
    }

    [Fact]
    public void Charge_2022_RefundsNotEmbedded_OnlyTheCumulativeAmount()
    {
        var charge = Load("charge.refunded.2022-11-15.json").Charge();

        Assert.False(charge.RefundsEmbedded);
        Assert.Empty(charge.Refunds);
        Assert.Equal(5000, charge.AmountRefunded);
        Assert.True(charge.Refunded);
        Assert.True(charge.FullyRefunded);
        Assert.Equal("mastercard", charge.CardBrand);
        Assert.Equal("in_facts_2022", charge.InvoiceId);
        Assert.Equal(new DateOnly(2022, 11, 15), charge.ApiVersion?.Date);
    }

    [Fact]
    public void Charge_Basil_NoInvoice_GuestWithoutCard_ExpandedIntentId()
    {
        var charge = Load("charge.succeeded.2025-03-31.basil.json").Charge();

        Assert.Null(charge.InvoiceId);
        Assert.Null(charge.CustomerId);
        Assert.Null(charge.CardBrand);
        Assert.Null(charge.CardLast4);
        Assert.Equal("pi_facts_basil", charge.PaymentIntentId);
        Assert.Equal("guest@example.test", charge.ReceiptEmail);
        Assert.Equal(1999, charge.Amount);
    }

    [Fact]
    public void Charge_LegacyPaidFlagWithoutStatus_Succeeded()
    {
        var charge = Load("charge.refunded.2022-11-15.json", c => c.Remove("status")).Charge();

        Assert.Null(charge.Status);
        Assert.True(charge.Succeeded);
    }

    [Fact]
    public void Charge_NoCurrency_IsUnmappable()
    {
        var error = Assert.Throws<UnmappableEventException>(() =>
            Load("charge.succeeded.2025-03-31.basil.json", c => c.Remove("currency")).Charge());

        Assert.Equal("charge py_facts_basil has no currency", error.Message);
    }

    [Fact]
    public void PaymentIntent_2020_EmbeddedCharges_PayingChargeIsTheSucceededOne()
    {
        var intent = Load("payment_intent.succeeded.2020-08-27.json").PaymentIntent();

        Assert.Null(intent.LatestChargeId);
        Assert.Equal(2, intent.Charges.Count);
        Assert.Equal("ch_facts_ok", intent.PayingCharge?.Id);
        Assert.Equal("visa", intent.PayingCharge?.CardBrand);
        Assert.Equal("in_facts_paid", intent.InvoiceId);
        Assert.Equal(5000, intent.AmountReceived);
    }

    [Fact]
    public void PaymentIntent_Dahlia_LatestChargeOnly()
    {
        var intent = Load("payment_intent.succeeded.2026-07-29.dahlia.json").PaymentIntent();

        Assert.Equal("ch_facts_latest", intent.LatestChargeId);
        Assert.Empty(intent.Charges);
        Assert.Null(intent.PayingCharge);
        Assert.Null(intent.InvoiceId);
        Assert.Equal(800, intent.Amount);
        Assert.Equal(750, intent.AmountReceived);
        Assert.Equal("gbp", intent.Currency);
        Assert.Equal("cus_facts_uk", intent.CustomerId);
    }

    [Fact]
    public void Refund_ReadsAmountChargeAndStatus()
    {
        var refund = Load("refund.created.2026-07-29.dahlia.json").Refund();

        Assert.Equal("re_facts_dahlia", refund.Id);
        Assert.Equal(250, refund.Amount);
        Assert.Equal("gbp", refund.Currency);
        Assert.Equal("pending", refund.Status);
        Assert.Equal("ch_facts_latest", refund.ChargeId);
        Assert.Equal("pi_facts_dahlia", refund.PaymentIntentId);
    }

    [Theory]
    [InlineData("charge.dispute.created.2020-08-27.json", "dp_facts_2020", "ch_facts_2020", 5000L, "eur", "needs_response", false)]
    [InlineData("charge.dispute.closed.2026-07-29.dahlia.json", "du_facts_dahlia", "ch_facts_latest", 800L, "gbp", "lost", true)]
    public void Dispute_EveryVersion_ReadsChargeAmountAndOutcome(
        string file, string id, string chargeId, long amount, string currency, string status, bool lost)
    {
        var dispute = Load(file).Dispute();

        Assert.Equal(id, dispute.Id);
        Assert.Equal(chargeId, dispute.ChargeId);
        Assert.Equal(amount, dispute.Amount);
        Assert.Equal(currency, dispute.Currency);
        Assert.Equal(status, dispute.Status);
        Assert.Equal(lost, dispute.IsLost);
    }

    [Fact]
    public void Dispute_EvidenceAndCardBrand()
    {
        var old = Load("charge.dispute.created.2020-08-27.json").Dispute();
        var current = Load("charge.dispute.closed.2026-07-29.dahlia.json").Dispute();

        Assert.Equal(Unix(1649263999), old.EvidenceDueBy);
        Assert.False(old.HasEvidence);
        Assert.Null(old.CardBrand);
        Assert.Equal("fraudulent", old.Reason);
        Assert.True(current.HasEvidence);
        Assert.Null(current.EvidenceDueBy);
        Assert.Equal("amex", current.CardBrand);
    }

    [Fact]
    public void Dispute_NoCharge_IsUnmappable()
    {
        var error = Assert.Throws<UnmappableEventException>(() =>
            Load("charge.dispute.created.2020-08-27.json", d => d.Remove("charge")).Dispute());

        Assert.Equal("dispute dp_facts_2020 has no charge", error.Message);
    }
}
