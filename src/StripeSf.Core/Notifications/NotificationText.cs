using System.Globalization;
using StripeSf.Core.Revenue;

namespace StripeSf.Core.Notifications;

/// <summary>How figures read in a message: amounts with their currency's decimals, times in UTC.</summary>
public static class NotificationText
{
    /// <summary>"1,234.50 USD", "5,000 JPY", "12.345 KWD" for an amount in major units.</summary>
    public static string Money(decimal majorUnits, string currency)
    {
        var exponent = CurrencyExponent.Of(currency);
        return string.Create(CultureInfo.InvariantCulture, $"{majorUnits.ToString("N" + exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {Revenue.Money.ToIsoCode(currency)}");
    }

    /// <summary>"2026-12-04 09:30 UTC".</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-04".</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
