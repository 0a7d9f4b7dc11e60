using StripeSf.Core.Mapping;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Customer Health derived from the facts an event states, never incremented: an open dispute is
/// Critical; a lost dispute or a fully refunded charge is At Risk; a dispute won (or an inquiry
/// closed) is Healthy. Other facts (a partial refund) have no opinion and leave the field alone.
/// The value is the Account's health <i>basis</i>: written to <c>Stripe_Health_Basis__c</c> and
/// <c>Customer_Health__c</c> in the health group (guard <c>Stripe_Health_Event_At__c</c>), so the newest
/// of these facts wins whatever the order; while an invoice is past due <see cref="PastDueHealth"/>
/// makes <c>Customer_Health__c</c> At Risk unless the basis is Critical, and back to the basis when paid.
/// </summary>
internal static class BillingCustomerHealth
{
    /// <summary>Health after a dispute in <paramref name="disputeStatus"/>.</summary>
    public static string? ForDispute(string? disputeStatus, AccountMap map) => disputeStatus switch
    {
        "warning_needs_response" or "warning_under_review" or "needs_response" or "under_review" => map.HealthCritical,
        "lost" => map.HealthAtRisk,
        "won" or "warning_closed" or "prevented" => map.HealthHealthy,
        _ => null,
    };

    /// <summary>Health after a refund: At Risk when the whole charge was refunded, else no opinion.</summary>
    public static string? ForRefund(bool fullyRefunded, AccountMap map) => fullyRefunded ? map.HealthAtRisk : null;
}
