using Microsoft.Extensions.Logging;
using StripeSf.Core.Ingress;

namespace StripeSf.Core;

/// <summary>Structured log messages of StripeSf.Core; the Stripe event id is on every event line.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Stripe event {EventId} ({EventType}) enqueued on {Queue}")]
    public static partial void EventEnqueued(ILogger logger, string eventId, string eventType, string queue);

    [LoggerMessage(1002, LogLevel.Information, "Stripe event {EventId} ({EventType}) was already enqueued")]
    public static partial void EventDuplicate(ILogger logger, string eventId, string eventType);

    [LoggerMessage(1003, LogLevel.Information, "Stripe event {EventId} ({EventType}) {Outcome}: the event type is not routed")]
    public static partial void EventIgnored(ILogger logger, string eventId, string eventType, string outcome = "Ignored");

    [LoggerMessage(1004, LogLevel.Warning, "Webhook rejected ({Status}): {Reason}")]
    public static partial void WebhookRejected(ILogger logger, IngressStatus status, string reason);

    [LoggerMessage(1005, LogLevel.Warning, "Webhook rejected: body larger than {MaxBodyBytes} bytes")]
    public static partial void WebhookTooLarge(ILogger logger, int maxBodyBytes);

    [LoggerMessage(1006, LogLevel.Error, "Stripe event {EventId} ({EventType}) could not be enqueued on {Queue}; answered 500 so Stripe retries")]
    public static partial void EnqueueFailed(ILogger logger, Exception exception, string eventId, string eventType, string queue);

    [LoggerMessage(2001, LogLevel.Information, "Stripe event {EventId} ({EventType}) {Outcome}: {Detail}")]
    public static partial void EventCompleted(ILogger logger, string eventId, string eventType, string outcome, string detail);

    [LoggerMessage(2002, LogLevel.Warning, "Stripe event {EventId} ({EventType}) {Outcome}: attempt {Attempt} failed transiently ({Reason}); retrying in {Delay}")]
    public static partial void EventRetryScheduled(ILogger logger, string eventId, string eventType, int attempt, string reason, TimeSpan delay, string outcome = "RetryLater");

    [LoggerMessage(2003, LogLevel.Error, "Stripe event {EventId} ({EventType}) {Outcome}: {Reason}: {Description}")]
    public static partial void EventDeadLettered(ILogger logger, string eventId, string eventType, string reason, string description, string outcome = "DeadLettered");

    [LoggerMessage(2006, LogLevel.Information, "Stripe event {EventId} written {EventLagSeconds} s after Stripe created it; Salesforce API usage {SalesforceApiUsagePercent} %")]
    public static partial void EventWritten(ILogger logger, string eventId, double eventLagSeconds, string salesforceApiUsagePercent);

    [LoggerMessage(2007, LogLevel.Warning, "Stripe event {EventId}: subscription {SubscriptionId} has tiered prices without tiers in the payload and cannot be fetched (set Stripe__ApiKey); its MRR is approximate")]
    public static partial void TiersUnavailable(ILogger logger, string eventId, string subscriptionId);

    [LoggerMessage(2004, LogLevel.Information, "Stripe event {EventId} ({EventType}): the {Flow} flow has no Salesforce writes for this event")]
    public static partial void EventHasNoWrites(ILogger logger, string eventId, string eventType, string flow);

    [LoggerMessage(2005, LogLevel.Information, "Dry run: would send {Method} {Url} (ref {ReferenceId}) {Body}")]
    public static partial void DryRunSubrequest(ILogger logger, string method, string url, string referenceId, string body);

    [LoggerMessage(3001, LogLevel.Information, "Reconciliation {RunKey} completed: {RecordsChecked} records checked, no discrepancies")]
    public static partial void ReconciliationClean(ILogger logger, string runKey, int recordsChecked);

    [LoggerMessage(3002, LogLevel.Warning, "ReconciliationDiscrepancy: run {RunKey} found {DiscrepancyCount} discrepancies in {RecordsChecked} records: {MissingCount} missing in Salesforce ({MissingAmount}), {AmountMismatchCount} amount mismatches ({AmountMismatchAmount}), {StatusMismatchCount} status mismatches ({StatusMismatchAmount}), {OrphanCount} orphans ({OrphanAmount}), {ClosedWonWithoutPaymentCount} Closed Won without payment, {RevenueWithoutOpportunityCount} paying subscriptions without Opportunity, {OpportunityAmountMismatchCount} Opportunity amount mismatches; {ReenqueuedCount} repaired")]
    public static partial void ReconciliationDiscrepancy(ILogger logger, string runKey, int discrepancyCount, int recordsChecked, int missingCount, decimal missingAmount,
        int amountMismatchCount, decimal amountMismatchAmount, int statusMismatchCount, decimal statusMismatchAmount, int orphanCount, decimal orphanAmount,
        int closedWonWithoutPaymentCount, int revenueWithoutOpportunityCount, int opportunityAmountMismatchCount, int reenqueuedCount);

    [LoggerMessage(3003, LogLevel.Error, "Reconciliation {RunKey} failed: {Reason}")]
    public static partial void ReconciliationFailed(ILogger logger, Exception exception, string runKey, string reason);

    [LoggerMessage(3004, LogLevel.Error, "Reconciliation {RunKey}: the Failed status could not be written to Salesforce")]
    public static partial void ReconciliationFailureNotWritten(ILogger logger, Exception exception, string runKey);
}
