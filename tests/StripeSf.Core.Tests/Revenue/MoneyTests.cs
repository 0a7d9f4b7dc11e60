namespace StripeSf.Core.Tests.Revenue;

using StripeSf.Core.Revenue;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(1234L, "usd", "12.34", "USD")]
    [InlineData(-250L, "usd", "-2.50", "USD")]
    [InlineData(0L, "eur", "0", "EUR")]
    [InlineData(500L, "jpy", "500", "JPY")]
    [InlineData(5000L, "krw", "5000", "KRW")]
    [InlineData(5000L, "ugx", "5000", "UGX")]
    [InlineData(12345L, "kwd", "12.345", "KWD")]
    [InlineData(12340L, "bhd", "12.340", "BHD")]
    [InlineData(1000L, "tnd", "1.000", "TND")]
    [InlineData(100L, "isk", "1.00", "ISK")]
    [InlineData(1000L, "huf", "10.00", "HUF")]
    [InlineData(1000L, "twd", "10.00", "TWD")]
    [InlineData(999L, "XYZ", "9.99", "XYZ")]
    public void FromMinorUnits_StripeCurrency_UsesStripeExponent(long minor, string currency, string expected, string iso)
    {
        var money = Money.FromMinorUnits(minor, currency);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(iso, money.CurrencyIsoCode);
    }

    [Theory]
    [InlineData("1234.5", "usd", "12.345")]
    [InlineData("0.5", "jpy", "0.5")]
    [InlineData("1.5", "kwd", "0.0015")]
    public void ToMajorUnits_FractionalMinorUnits_IsExactAndUnrounded(string minor, string currency, string expected)
    {
        var result = Money.ToMajorUnits(decimal.Parse(minor, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("1.005", "usd", "1.01")]
    [InlineData("-1.005", "usd", "-1.01")]
    [InlineData("1.004999", "usd", "1.00")]
    [InlineData("2.5", "jpy", "3")]
    [InlineData("8333.333", "jpy", "8333")]
    [InlineData("1.0005", "kwd", "1.001")]
    [InlineData("3.33333", "kwd", "3.333")]
    public void Round_MidpointOrLonger_RoundsHalfAwayFromZeroToCurrencyPrecision(string major, string currency, string expected)
    {
        var result = Money.Round(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result);
    }

    [Theory]
    [InlineData("usd", "USD")]
    [InlineData(" eur ", "EUR")]
    [InlineData("JPY", "JPY")]
    public void ToIsoCode_StripeCode_ReturnsUpperCaseIso(string currency, string expected)
    {
        Assert.Equal(expected, Money.ToIsoCode(currency));
    }

    [Theory]
    [InlineData("")]
    [InlineData("us")]
    [InlineData("currency")]
    [InlineData("u$d")]
    public void ToIsoCode_NotThreeLetters_Throws(string currency)
    {
        Assert.Throws<ArgumentException>(() => Money.ToIsoCode(currency));
    }

    [Fact]
    public void ToString_AnyCulture_IsInvariant()
    {
        Assert.Equal("12.34 USD", Money.FromMinorUnits(1234, "usd").ToString());
    }
}
