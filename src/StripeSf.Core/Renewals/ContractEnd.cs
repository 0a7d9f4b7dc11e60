namespace StripeSf.Core.Renewals;

/// <summary>A subscription's Contract as Salesforce holds it: StartDate and ContractTerm (months).</summary>
public sealed record ContractEnd(string SubscriptionId, DateOnly StartDate, int TermMonths)
{
    /// <summary>StartDate + ContractTerm months, at 00:00 UTC.</summary>
    public DateTimeOffset End => new(StartDate.AddMonths(TermMonths).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
