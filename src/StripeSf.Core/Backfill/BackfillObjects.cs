namespace StripeSf.Core.Backfill;

/// <summary>The Stripe object types a backfill reads, parents before children.</summary>
public static class BackfillObjects
{
    /// <summary>Customers → Accounts and Contacts.</summary>
    public const string Customers = "customers";

    /// <summary>Every type the issue names, in write order (parents first); only <see cref="Supported"/> can run today.</summary>
    public static readonly IReadOnlyList<string> All = [Customers, "subscriptions", "invoices", "charges", "refunds", "disputes"];

    /// <summary>The types this version backfills.</summary>
    public static readonly IReadOnlyList<string> Supported = [Customers];
}
