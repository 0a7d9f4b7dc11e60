namespace StripeSf.Core.Processing;

/// <summary>Processing settings (<c>Processing__*</c>).</summary>
public sealed class ProcessingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Processing";

    /// <summary>
    /// Event types processed even when the org's API usage is above the threshold, comma-separated:
    /// a failed payment or a new dispute is worth a call; a plan-name update can wait.
    /// </summary>
    public string UrgentEventTypes { get; set; } = "invoice.payment_failed,charge.dispute.created";

    /// <summary>How long non-urgent events wait while usage is above the threshold.</summary>
    public int DeferralMinutes { get; set; } = 30;

    /// <summary>True when <paramref name="eventType"/> is urgent.</summary>
    public bool IsUrgent(string eventType) =>
        UrgentEventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(eventType, StringComparer.Ordinal);
}
