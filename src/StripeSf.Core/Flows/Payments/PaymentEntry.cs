namespace StripeSf.Core.Flows.Payments;

/// <summary>One signed money movement on an Account (a charge, a refund, a lost dispute), keyed by its Stripe id.</summary>
/// <param name="Id">The external id: ch_, re_, du_/dp_ id (or a derived key, documented where made).</param>
/// <param name="Type">The Type picklist value.</param>
/// <param name="SignedMinorUnits">Stripe minor units, negative for money going back to the customer.</param>
/// <param name="Currency">Stripe's (lower-case) currency code.</param>
/// <param name="Status">Stripe's status of the object.</param>
/// <param name="PaidAt">When the money moved (null for a failed charge).</param>
/// <param name="ChargeId">The charge the entry belongs to.</param>
/// <param name="InvoiceId">The invoice, where the payload says (older API versions only for charges).</param>
/// <param name="CardBrand">Card brand — never more card data than brand and last 4.</param>
/// <param name="CardLast4">Card last 4.</param>
/// <param name="CarriesEventTime">
/// False for a partial view of a record another event owns (payment_intent.succeeded at a current
/// API version, which lacks the card): written without the event time, it neither advances the
/// stale guard (which would make the charge's own, fuller event look stale) nor is blocked by it.
/// </param>
internal sealed record PaymentEntry(
    string Id,
    string Type,
    long SignedMinorUnits,
    string Currency,
    string? Status,
    DateTimeOffset? PaidAt,
    string? ChargeId,
    string? InvoiceId,
    string? CardBrand,
    string? CardLast4,
    bool CarriesEventTime = true);
