namespace StripeSf.Core.Renewals;

/// <summary>What the sweep did with one subscription due for renewal.</summary>
public enum RenewalOutcome
{
    /// <summary>The renewal Opportunity was created (open).</summary>
    Created,

    /// <summary>A dry run: it would be created.</summary>
    WouldCreate,

    /// <summary>An Opportunity with the key exists (open, won or lost): left as it is.</summary>
    Exists,

    /// <summary>No Account with the customer id in Salesforce yet: nothing to put the renewal on (the next sweep retries).</summary>
    NoAccount,

    /// <summary>Salesforce refused the record (the report carries its error).</summary>
    Failed,
}
