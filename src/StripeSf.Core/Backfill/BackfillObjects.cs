namespace StripeSf.Core.Backfill;

/// <summary>The Stripe object types a backfill reads, parents before children.</summary>
public static class BackfillObjects
{
    /// <summary>Customers → Accounts and Contacts.</summary>
    public const string Customers = "customers";

    /// <summary>Subscriptions → the Account's subscription group, Opportunities (and Contracts by metadata).</summary>
    public const string Subscriptions = "subscriptions";

    /// <summary>Invoices → <c>Stripe_Invoice__c</c> and the Account's billing group.</summary>
    public const string Invoices = "invoices";

    /// <summary>Charges → payment entries and the Account's last payment.</summary>
    public const string Charges = "charges";

    /// <summary>Refunds → negative entries and Customer Health.</summary>
    public const string Refunds = "refunds";

    /// <summary>Disputes → Cases, lost-dispute entries and Customer Health.</summary>
    public const string Disputes = "disputes";

    /// <summary>Every type, in write order (parents first): each type's jobs all end before the next type is read.</summary>
    public static readonly IReadOnlyList<string> All = [Customers, Subscriptions, Invoices, Charges, Refunds, Disputes];
}
