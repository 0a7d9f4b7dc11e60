using System.Globalization;

namespace StripeSf.Core.Mapping;

/// <summary>Formats values the way the Salesforce REST API expects them.</summary>
public static class SalesforceValues
{
    /// <summary>A DateTime field value: ISO 8601 in UTC with milliseconds (e.g. 2026-11-22T12:00:00.000Z).</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A Date field value (yyyy-MM-dd, UTC).</summary>
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Unix time from Stripe as a DateTime field value.</summary>
    public static string FromUnix(long seconds) => DateTime(DateTimeOffset.FromUnixTimeSeconds(seconds));
}
