namespace StripeSf.Core.Renewals;

/// <summary>Where a subscription's term end comes from.</summary>
public enum RenewalTermSource
{
    /// <summary>The subscription's <c>cancel_at</c>: a fixed term that ends unless it is renewed.</summary>
    CancelAt,

    /// <summary>The Contract's StartDate + ContractTerm months.</summary>
    Contract,

    /// <summary>The current billing period's end, for the configured intervals (yearly by default).</summary>
    PeriodEnd,
}
