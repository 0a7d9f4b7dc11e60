namespace StripeSf.Core.Reconciliation;

/// <summary>How a Stripe object and its Salesforce record disagree.</summary>
public enum DiscrepancyKind
{
    /// <summary>Paid in Stripe in the window, no Salesforce record.</summary>
    Missing,

    /// <summary>Both exist; the amounts (in major units) or currencies differ.</summary>
    AmountMismatch,

    /// <summary>Both exist; the status differs (e.g. Stripe paid, Salesforce open).</summary>
    StatusMismatch,

    /// <summary>A Salesforce record for the window whose Stripe object does not exist.</summary>
    Orphan,
}
