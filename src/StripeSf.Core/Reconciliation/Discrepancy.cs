using System.Globalization;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// One disagreement. <see cref="Amount"/> is what the class totals add up: the Stripe amount
/// (missing, status mismatch), the difference (amount mismatch) or the Salesforce amount (orphan).
/// </summary>
public sealed record Discrepancy(DiscrepancyKind Kind, ReconciledObject? Stripe, ReconciledObject? Salesforce)
{
    /// <summary>The Stripe id (ch_/in_).</summary>
    public string Id => (Stripe ?? Salesforce)!.Id;

    /// <summary>Charge or invoice.</summary>
    public ReconciledObjectType Type => (Stripe ?? Salesforce)!.Type;

    /// <summary>Currency of <see cref="Amount"/>.</summary>
    public string Currency => (Stripe ?? Salesforce)!.Currency;

    /// <summary>How repair went: null when not attempted, else "re-enqueued evt_…", "not repairable: …".</summary>
    public string? Repair { get; init; }

    /// <summary>True when repair put the object's event back on its way to Salesforce.</summary>
    public bool Repaired { get; init; }

    /// <summary>The amount this discrepancy adds to its class total (major units).</summary>
    public decimal Amount => Kind switch
    {
        DiscrepancyKind.AmountMismatch => Math.Abs(Stripe!.Amount - Salesforce!.Amount),
        DiscrepancyKind.Orphan => Salesforce!.Amount,
        _ => (Stripe ?? Salesforce)!.Amount,
    };

    /// <summary>One line for the CLI, the Case and logs.</summary>
    public string Describe()
    {
        var what = $"{Kind} {Type.ToString().ToLowerInvariant()} {Id}";
        var detail = Kind switch
        {
            DiscrepancyKind.Missing => $"Stripe {Money(Stripe!)} paid {Time(Stripe!.PaidAt)}, no Salesforce record",
            DiscrepancyKind.AmountMismatch => $"Stripe {Money(Stripe!)}, Salesforce {Money(Salesforce!)}",
            DiscrepancyKind.StatusMismatch => $"Stripe {Stripe?.Status ?? "-"}, Salesforce {Salesforce?.Status ?? "-"} ({Money((Stripe ?? Salesforce)!)})",
            _ => $"Salesforce {Money(Salesforce!)} paid {Time(Salesforce!.PaidAt)}, not in Stripe",
        };
        return Repair is null ? $"{what}: {detail}" : $"{what}: {detail}; {Repair}";
    }

    private static string Money(ReconciledObject o) =>
        // Shown at the currency's precision (100 USD → 100.00 USD, 5000 JPY → 5000 JPY), as Salesforce shows it.
        o.Amount.ToString("F" + Revenue.CurrencyExponent.Of(o.Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + o.Currency;

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
