using System.Globalization;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Flows.Shared;

/// <summary>Amounts and times as people read them in Task and Case descriptions (invariant culture, UTC).</summary>
internal static class BillingText
{
    /// <summary>"12.34 USD", "500 JPY", "12.340 KWD": the currency's own number of decimals.</summary>
    public static string Money(decimal majorUnits, string currency)
    {
        var digits = CurrencyExponent.Of(currency);
        return string.Create(CultureInfo.InvariantCulture, $"{Revenue.Money.Round(majorUnits, currency).ToString("F" + digits, CultureInfo.InvariantCulture)} {Revenue.Money.ToIsoCode(currency)}");
    }

    /// <summary>Minor units as <see cref="Money(decimal, string)"/>.</summary>
    public static string MinorUnits(long minorUnits, string currency) => Money(Revenue.Money.ToMajorUnits(minorUnits, currency), currency);

    /// <summary>"2026-11-22 12:00 UTC".</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
