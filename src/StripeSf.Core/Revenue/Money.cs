namespace StripeSf.Core.Revenue;

/// <summary>
/// An amount in a currency's major units (dollars, yen, dinars) with its upper-case ISO code, as
/// Salesforce currency fields and <c>CurrencyIsoCode</c> expect; built from Stripe's minor units.
/// </summary>
/// <param name="Amount">Amount in major units (e.g. 12.34 for 1234 USD cents).</param>
/// <param name="CurrencyIsoCode">Upper-case ISO 4217 code (e.g. <c>USD</c>).</param>
public readonly record struct Money(decimal Amount, string CurrencyIsoCode)
{
    /// <summary>
    /// Converts a Stripe amount in minor units to major units with the currency's Stripe exponent
    /// (see <see cref="CurrencyExponent"/>): 1234 usd → 12.34 USD, 500 jpy → 500 JPY, 12340 kwd → 12.340 KWD.
    /// </summary>
    /// <exception cref="ArgumentException">The currency code is not three ASCII letters.</exception>
    public static Money FromMinorUnits(long minorUnits, string currency) =>
        new(ToMajorUnits(minorUnits, currency), ToIsoCode(currency));

    /// <summary>
    /// Converts a possibly fractional minor-unit amount (e.g. from <c>unit_amount_decimal</c>) to major
    /// units, exactly and without rounding; callers round once at the end with <see cref="Round"/>.
    /// </summary>
    public static decimal ToMajorUnits(decimal minorUnits, string currency)
    {
        // Division by a power of ten is exact in decimal, so nothing is lost here.
        return CurrencyExponent.Of(currency) switch
        {
            0 => minorUnits,
            3 => minorUnits / 1000m,
            _ => minorUnits / 100m,
        };
    }

    /// <summary>
    /// Rounds a major-unit amount to the currency's precision, half away from zero (the commercial
    /// convention; banker's rounding would surprise finance users on .5 cases).
    /// </summary>
    public static decimal Round(decimal majorUnits, string currency) =>
        Math.Round(majorUnits, CurrencyExponent.Of(currency), MidpointRounding.AwayFromZero);

    /// <summary>
    /// Normalises a Stripe currency code (lower case) to the upper-case ISO form Salesforce's
    /// <c>CurrencyIsoCode</c> uses.
    /// </summary>
    /// <exception cref="ArgumentException">The code is not three ASCII letters.</exception>
    public static string ToIsoCode(string currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var code = currency.Trim();
        if (code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"'{currency}' is not a three-letter ISO 4217 currency code.", nameof(currency));
        }

        return code.ToUpperInvariant();
    }

    /// <summary>Formats as "12.34 USD" (invariant culture) for logs and notes.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Amount} {CurrencyIsoCode}");
}
