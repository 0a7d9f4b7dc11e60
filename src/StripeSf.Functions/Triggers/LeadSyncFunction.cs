using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Leads;

namespace StripeSf.Functions.Triggers;

/// <summary>
/// Salesforce Leads → Stripe customers (<c>LeadSync__Schedule</c>, default <c>0 */2 * * * *</c>:
/// every 2 minutes). The same run as <c>stripesf sync-leads</c>; timer invocations never overlap.
/// </summary>
public sealed class LeadSyncFunction(LeadSyncRunner runner)
{
    /// <summary>Syncs the Leads changed since the watermark; a run that fails (key, storage, Salesforce down) fails the invocation.</summary>
    [Function("LeadSync")]
    public Task Run([TimerTrigger("%LeadSync__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunScheduledAsync(cancellationToken);
}
