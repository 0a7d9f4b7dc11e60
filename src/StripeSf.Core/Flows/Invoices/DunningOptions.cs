namespace StripeSf.Core.Flows.Invoices;

/// <summary>Dunning settings (<c>Dunning__*</c>): the optional collections Case of a failed payment.</summary>
public sealed class DunningOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Dunning";

    /// <summary>
    /// Opens a Service Cloud Case for an invoice whose payment failed (one per invoice), closed by the
    /// invoice's <c>invoice.paid</c>. Off by default: the owner's Task is the default follow-up.
    /// </summary>
    public bool OpenCase { get; set; }

    /// <summary>
    /// The collections queue that owns new Cases: its DeveloperName (looked up in the event's own composite
    /// call) or its Id (<c>00G…</c>, used as is). Empty: the Case gets the integration user as owner.
    /// </summary>
    public string CaseQueue { get; set; } = "";

    /// <summary>The Case's Priority.</summary>
    public string CasePriority { get; set; } = "High";

    /// <summary>The queue's Id when <see cref="CaseQueue"/> is one (15 or 18 characters starting <c>00G</c>), else null.</summary>
    public string? QueueId =>
        CaseQueue.Trim() is { Length: 15 or 18 } id && id.StartsWith("00G", StringComparison.Ordinal) && id.All(char.IsAsciiLetterOrDigit) ? id : null;
}
