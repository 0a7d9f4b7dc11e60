using System.Globalization;
using Microsoft.Extensions.Options;
using StripeSf.Salesforce.Configuration;

namespace StripeSf.Salesforce.Budget;

/// <summary>Keeps the latest <c>Sforce-Limit-Info: api-usage=N/M</c> reading; one per process.</summary>
public sealed class SalesforceApiBudget(IOptions<SalesforceOptions> options, TimeProvider timeProvider) : ISalesforceApiBudget
{
    /// <summary>The response header Salesforce puts on every REST answer.</summary>
    public const string HeaderName = "Sforce-Limit-Info";

    private ApiUsage? current;

    /// <inheritdoc />
    public ApiUsage? Current => Volatile.Read(ref current);

    /// <inheritdoc />
    public bool IsAboveThreshold => Current is { } usage && usage.Percent >= options.Value.LimitThresholdPercent;

    /// <summary>Records a header value such as <c>api-usage=18/15000</c>; ignores anything unreadable.</summary>
    public void Observe(string? headerValue)
    {
        if (TryParse(headerValue, out var used, out var max))
        {
            Volatile.Write(ref current, new ApiUsage(used, max, timeProvider.GetUtcNow()));
        }
    }

    /// <summary>Parses <c>api-usage=N/M</c>, possibly among other comma-separated entries.</summary>
    public static bool TryParse(string? headerValue, out long used, out long max)
    {
        used = 0;
        max = 0;
        if (string.IsNullOrEmpty(headerValue))
        {
            return false;
        }

        foreach (var part in headerValue.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith("api-usage=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var numbers = part["api-usage=".Length..].Split('/');
            return numbers.Length == 2
                && long.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out used)
                && long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out max);
        }

        return false;
    }
}
