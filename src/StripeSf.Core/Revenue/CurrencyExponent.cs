namespace StripeSf.Core.Revenue;

/// <summary>
/// How many decimal places Stripe uses for a currency's minor unit in API amounts
/// (<c>amount</c>, <c>unit_amount</c>, <c>amount_off</c>, …), per https://docs.stripe.com/currencies.
/// </summary>
/// <remarks>
/// <para>
/// This is Stripe's API representation, which is not always ISO 4217's minor unit. Choices made for
/// Stripe's "special cases":
/// </para>
/// <list type="bullet">
/// <item><description><b>ISK, HUF, TWD</b>: two-decimal. Stripe keeps them two-decimal in the API
/// (an amount of 100 means 1 króna / forint / dollar) even though charges or payouts must be whole
/// units (amounts divisible by 100). ISO says ISK has 0 decimals; using 0 here would overstate every
/// ISK amount a hundredfold.</description></item>
/// <item><description><b>UGX</b>: zero-decimal, as Stripe's zero-decimal list says (ISO also says 0).
/// </description></item>
/// <item><description><b>BHD, JOD, KWD, OMR, TND</b>: three-decimal. Stripe additionally requires
/// payment amounts to end in 0 (round to the nearest ten); that is a constraint on what can be charged,
/// not on how an amount converts, so 12345 KWD minor units still convert to 12.345.</description></item>
/// <item><description>Every other currency: two-decimal, Stripe's default ("unless otherwise noted,
/// all currencies are two-decimal"), including codes this list does not know yet.</description></item>
/// </list>
/// </remarks>
public static class CurrencyExponent
{
    // Stripe's zero-decimal list (docs.stripe.com/currencies#zero-decimal).
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
        "XAF", "XOF", "XPF",
    };

    // Stripe's three-decimal list (docs.stripe.com/currencies#three-decimal).
    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BHD", "JOD", "KWD", "OMR", "TND",
    };

    /// <summary>Number of decimal places of <paramref name="currency"/>'s minor unit in Stripe's API: 0, 2 or 3.</summary>
    /// <param name="currency">Three-letter ISO 4217 code, any case (Stripe sends lower case).</param>
    /// <exception cref="ArgumentException">The code is not three ASCII letters.</exception>
    public static int Of(string currency)
    {
        var code = Money.ToIsoCode(currency);
        if (ZeroDecimal.Contains(code))
        {
            return 0;
        }

        return ThreeDecimal.Contains(code) ? 3 : 2;
    }

    /// <summary>True when Stripe treats <paramref name="currency"/> as zero-decimal (e.g. JPY).</summary>
    public static bool IsZeroDecimal(string currency) => Of(currency) == 0;

    /// <summary>True when Stripe treats <paramref name="currency"/> as three-decimal (e.g. KWD).</summary>
    public static bool IsThreeDecimal(string currency) => Of(currency) == 3;
}
