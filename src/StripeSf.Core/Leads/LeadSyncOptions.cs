using System.ComponentModel.DataAnnotations;

namespace StripeSf.Core.Leads;

/// <summary>The Lead → Stripe sync (<c>LeadSync__*</c>); the field mapping is <c>Mapping__LeadSync__*</c>.</summary>
public sealed class LeadSyncOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "LeadSync";

    /// <summary>NCRONTAB schedule of the timer (read by the trigger as <c>%LeadSync__Schedule%</c>).</summary>
    public string Schedule { get; set; } = "0 */2 * * * *";

    /// <summary>Azure Table (in the Function App's own storage, <c>AzureWebJobsStorage</c>) holding the watermark.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "LeadSync__WatermarkTable must be 3-63 letters or digits, starting with a letter (an Azure Table name).")]
    public string WatermarkTable { get; set; } = "StripeSfLeadSync";

    /// <summary>
    /// Leads needing Stripe work that one run takes on (checked after each page of 200; unchanged Leads
    /// do not count); the rest waits for the next run. Keeps a run inside the function timeout and the
    /// Salesforce query cursor busy (its locator expires after 15 idle minutes).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxLeadsPerRun { get; set; } = 500;

    /// <summary>Attempts per Stripe call when Stripe answers 429, 409 or 5xx (backing off 0.5 s, 1 s, 2 s, …).</summary>
    [Range(1, 10)]
    public int MaxStripeAttempts { get; set; } = 4;
}
