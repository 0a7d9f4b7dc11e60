using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Renewals;

namespace StripeSf.Functions.Triggers;

/// <summary>
/// The daily renewal sweep (<c>Renewals__Schedule</c>, default <c>0 0 6 * * *</c>: 06:00 UTC): an open
/// renewal Opportunity for each active subscription whose term ends within <c>Renewals__Days</c>.
/// A sweep that cannot read Stripe or Salesforce fails the invocation; refused records are logged.
/// </summary>
public sealed class RenewalsFunction(RenewalSweep sweep)
{
    /// <summary>Runs one sweep.</summary>
    [Function("Renewals")]
    public Task Run([TimerTrigger("%Renewals__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RunScheduledAsync(cancellationToken);
}
