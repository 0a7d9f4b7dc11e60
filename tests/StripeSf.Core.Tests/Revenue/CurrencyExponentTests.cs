namespace StripeSf.Core.Tests.Revenue;

using StripeSf.Core.Revenue;

public sealed class CurrencyExponentTests
{
    [Theory]
    [InlineData("bif")]
    [InlineData("clp")]
    [InlineData("djf")]
    [InlineData("gnf")]
    [InlineData("jpy")]
    [InlineData("kmf")]
    [InlineData("krw")]
    [InlineData("mga")]
    [InlineData("pyg")]
    [InlineData("rwf")]
    [InlineData("ugx")]
    [InlineData("vnd")]
    [InlineData("vuv")]
    [InlineData("xaf")]
    [InlineData("xof")]
    [InlineData("xpf")]
    public void Of_StripeZeroDecimalCurrency_IsZero(string currency)
    {
        Assert.Equal(0, CurrencyExponent.Of(currency));
        Assert.True(CurrencyExponent.IsZeroDecimal(currency));
    }

    [Theory]
    [InlineData("bhd")]
    [InlineData("jod")]
    [InlineData("kwd")]
    [InlineData("omr")]
    [InlineData("tnd")]
    public void Of_StripeThreeDecimalCurrency_IsThree(string currency)
    {
        Assert.Equal(3, CurrencyExponent.Of(currency));
        Assert.True(CurrencyExponent.IsThreeDecimal(currency));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("EUR")]
    [InlineData("gbp")]
    [InlineData("isk")]
    [InlineData("huf")]
    [InlineData("twd")]
    [InlineData("xyz")]
    public void Of_OtherCurrency_IsTwo(string currency)
    {
        Assert.Equal(2, CurrencyExponent.Of(currency));
        Assert.False(CurrencyExponent.IsZeroDecimal(currency));
        Assert.False(CurrencyExponent.IsThreeDecimal(currency));
    }
}
