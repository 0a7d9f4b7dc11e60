using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Healing;
using StripeSf.Core.Reconciliation;

namespace StripeSf.Functions.Triggers;

/// <summary>
/// The nightly Stripe-vs-Salesforce reconciliation (<c>Reconciliation__Schedule</c>, default
/// <c>0 0 3 * * *</c>: 03:00 UTC, after the day's late webhooks). It reads the Stripe webhook
/// endpoint, gap-fills (the routed events since the last successful run go on their queues),
/// checks payments, refunds, disputes and deals, files the Case with the JSON report attached, and
/// re-enqueues missing objects' events, so healing goes through the same processing, retries and
/// dead letters as a webhook.
/// </summary>
public sealed class ReconciliationFunction(ReconciliationRunner runner, QueueEventRepairer repairer, QueueGapFillTarget gapFill)
{
    /// <summary>Reconciles the configured window (yesterday by default); a failed run fails the invocation.</summary>
    [Function("Reconciliation")]
    public Task Run([TimerTrigger("%Reconciliation__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunScheduledAsync(repairer, gapFill, cancellationToken);
}
