using System.Globalization;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// One disagreement. <see cref="Amount"/> is what the class totals add up (a magnitude): the Stripe
/// amount (missing, status mismatch, revenue without Opportunity), the difference (amount
/// mismatches) or the Salesforce amount (orphan, Closed Won without payment).
/// </summary>
public sealed record Discrepancy(DiscrepancyKind Kind, ReconciledObject? Stripe, ReconciledObject? Salesforce)
{
    /// <summary>The Stripe id (ch_/in_/re_/du_/sub_/cus_).</summary>
    public string Id => (Stripe ?? Salesforce)!.Id;

    /// <summary>The kind of object.</summary>
    public ReconciledObjectType Type => (Stripe ?? Salesforce)!.Type;

    /// <summary>Currency of <see cref="Amount"/>.</summary>
    public string Currency => (Stripe ?? Salesforce)!.Currency;

    /// <summary>What the checker adds to the standard wording (e.g. the grace period that passed), or null.</summary>
    public string? Note { get; init; }

    /// <summary>How repair went: null when not attempted, else "re-enqueued evt_…", "not repairable: …".</summary>
    public string? Repair { get; init; }

    /// <summary>True when repair put the object's event back on its way to Salesforce.</summary>
    public bool Repaired { get; init; }

    /// <summary>The amount this discrepancy adds to its class total (major units, never negative).</summary>
    public decimal Amount => Kind switch
    {
        DiscrepancyKind.AmountMismatch or DiscrepancyKind.OpportunityAmountMismatch => Math.Abs(Stripe!.Amount - Salesforce!.Amount),
        DiscrepancyKind.Orphan or DiscrepancyKind.ClosedWonWithoutPayment => Math.Abs(Salesforce!.Amount),
        _ => Math.Abs((Stripe ?? Salesforce)!.Amount),
    };

    /// <summary>What disagrees, without the class and id (the report's <c>detail</c>).</summary>
    public string Detail
    {
        get
        {
            var detail = Kind switch
            {
                DiscrepancyKind.Missing => $"Stripe {Money(Stripe!)} {(Stripe!.Type is ReconciledObjectType.Charge or ReconciledObjectType.Invoice ? "paid" : Stripe.Status)} {Time(Stripe.PaidAt)}, no Salesforce record",
                DiscrepancyKind.AmountMismatch => $"Stripe {Money(Stripe!)}, Salesforce {Money(Salesforce!)}",
                DiscrepancyKind.StatusMismatch => $"Stripe {Stripe?.Status ?? "-"}, Salesforce {Salesforce?.Status ?? "-"} ({Money((Stripe ?? Salesforce)!)})",
                DiscrepancyKind.Orphan => $"Salesforce {Money(Salesforce!)} paid {Time(Salesforce!.PaidAt)}, not in Stripe",
                DiscrepancyKind.ClosedWonWithoutPayment => $"Opportunity {Salesforce!.RecordId} {Salesforce.Status} {Day(Salesforce.PaidAt)} ({Money(Salesforce)}), no payment in Stripe",
                DiscrepancyKind.RevenueWithoutOpportunity => $"Stripe collected {Money(Stripe!)} in the window, no Opportunity",
                _ => $"Stripe ACV {Money(Stripe!)}, Opportunity {Salesforce!.RecordId} Amount {Money(Salesforce)}",
            };
            return Note is null ? detail : $"{detail} {Note}";
        }
    }

    /// <summary>One line for the CLI, the Case and logs.</summary>
    public string Describe()
    {
        var what = $"{Kind} {Type.ToString().ToLowerInvariant()} {Id}";
        return Repair is null ? $"{what}: {Detail}" : $"{what}: {Detail}; {Repair}";
    }

    /// <summary>An amount at the currency's precision (100 USD → 100.00, 5000 JPY → 5000), as Salesforce shows it.</summary>
    public static string Format(decimal amount, string currency) =>
        // An Opportunity of a single-currency org carries no currency: shown with 2 decimals.
        amount.ToString("F" + (currency.Length == 3 && currency.All(char.IsAsciiLetter) ? Revenue.CurrencyExponent.Of(currency) : 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Money(ReconciledObject o) => o.Currency.Length == 0 ? Format(o.Amount, o.Currency) : Format(o.Amount, o.Currency) + " " + o.Currency;

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Day(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
