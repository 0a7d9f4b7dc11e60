using Microsoft.Extensions.Logging;

namespace StripeSf.Core;

/// <summary>Log messages of the renewal sweep (the same Log class, in its own file).</summary>
internal static partial class Log
{
    [LoggerMessage(7301, LogLevel.Information, "RenewalSweep: {CreatedCount} created, {ExistingCount} exist, {NoAccountCount} without an Account, {FailedCount} failed of {ListedCount} active subscriptions. {Summary}")]
    public static partial void RenewalsSwept(ILogger logger, int createdCount, int existingCount, int noAccountCount, int failedCount, int listedCount, string summary);

    [LoggerMessage(7302, LogLevel.Warning, "RenewalSweep: Salesforce refused renewal {RenewalKey} of subscription {SubscriptionId}: {Error}")]
    public static partial void RenewalRefused(ILogger logger, string renewalKey, string subscriptionId, string error);
}
