using Microsoft.Extensions.Logging;

namespace StripeSf.Core;

/// <summary>Log messages of the Lead → Stripe sync (the same Log class, in its own file).</summary>
internal static partial class Log
{
    [LoggerMessage(5101, LogLevel.Information, "Lead {LeadId} synced to Stripe: {Kind} customer {CustomerId} ({MatchedBy})")]
    public static partial void LeadSynced(ILogger logger, string leadId, string kind, string customerId, string matchedBy);

    [LoggerMessage(5102, LogLevel.Warning, "Lead {LeadId} not synced to Stripe ({Kind}): {Reason}")]
    public static partial void LeadNotSynced(ILogger logger, string leadId, string kind, string reason);

    [LoggerMessage(5103, LogLevel.Information, "Lead sync from {From}: {Read} read, {Created} created, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped, {Refused} refused, {Deferred} deferred; watermark {Watermark} (dry run: {DryRun})")]
    public static partial void LeadSyncCompleted(ILogger logger, string from, int read, int created, int updated, int unchanged, int skipped, int refused, int deferred, string watermark, bool dryRun);
}
