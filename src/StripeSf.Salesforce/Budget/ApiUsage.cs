namespace StripeSf.Salesforce.Budget;

/// <summary>The org's API usage as the last <c>Sforce-Limit-Info</c> header reported it.</summary>
public sealed record ApiUsage(long Used, long Max, DateTimeOffset ObservedAt)
{
    /// <summary>Used share of the daily allowance, 0–100 (100 when the maximum is unknown or zero).</summary>
    public double Percent => Max <= 0 ? 100d : Used * 100d / Max;
}
