namespace StripeSf.Salesforce.Budget;

/// <summary>
/// The org's daily API allowance as seen on the last response. The processor asks
/// <see cref="IsAboveThreshold"/> before non-urgent work and defers it (RetryLater) when true,
/// so this integration never exhausts an allowance it shares with every other one.
/// </summary>
public interface ISalesforceApiBudget
{
    /// <summary>The last reported usage, or null before the first response.</summary>
    ApiUsage? Current { get; }

    /// <summary>True when usage is at or above the configured share (<c>Salesforce__LimitThresholdPercent</c>).</summary>
    bool IsAboveThreshold { get; }
}
