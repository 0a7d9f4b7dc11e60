namespace StripeSf.Core.Mapping;

/// <summary>Account API names and picklist values.</summary>
public sealed class AccountMap
{
    /// <summary>sObject.</summary>
    public string Object { get; set; } = "Account";
    /// <summary>External id: the Stripe customer id.</summary>
    public string ExternalId { get; set; } = "Stripe_Customer_Id__c";
    /// <summary>Name (written only when the Account is created).</summary>
    public string Name { get; set; } = "Name";
    /// <summary>Stripe subscription status picklist.</summary>
    public string SubscriptionStatus { get; set; } = "Subscription_Status__c";
    /// <summary>Billing status picklist.</summary>
    public string BillingStatus { get; set; } = "Billing_Status__c";
    /// <summary>Plan name.</summary>
    public string PlanName { get; set; } = "Plan_Name__c";
    /// <summary>Plan interval.</summary>
    public string PlanInterval { get; set; } = "Plan_Interval__c";
    /// <summary>MRR.</summary>
    public string Mrr { get; set; } = "MRR__c";
    /// <summary>ARR.</summary>
    public string Arr { get; set; } = "ARR__c";
    /// <summary>Last payment date.</summary>
    public string LastPaymentDate { get; set; } = "Last_Payment_Date__c";
    /// <summary>Customer health picklist.</summary>
    public string CustomerHealth { get; set; } = "Customer_Health__c";
    /// <summary>Created time of the last customer event applied (stale guard of the customer fields).</summary>
    public string CustomerEventAt { get; set; } = "Stripe_Customer_Event_At__c";
    /// <summary>Created time of the last subscription event applied (stale guard of the subscription fields).</summary>
    public string SubscriptionEventAt { get; set; } = "Stripe_Subscription_Event_At__c";
    /// <summary>
    /// Who last named the Account, as a time the stale-event rule orders: the epoch for a placeholder,
    /// the customer event's time for Stripe's name, far future for an Account matched from sales' records.
    /// </summary>
    public string NameEventAt { get; set; } = "Stripe_Name_Event_At__c";
    /// <summary>Created time of the last event that stated the billing status (stale guard of Billing Status alone).</summary>
    public string BillingEventAt { get; set; } = "Stripe_Billing_Event_At__c";
    /// <summary>Created time of the last event that stated a payment (stale guard of Last Payment Date alone).</summary>
    public string PaymentEventAt { get; set; } = "Stripe_Payment_Event_At__c";
    /// <summary>Created time of the last event that decided Customer Health (stale guard of Customer Health alone).</summary>
    public string HealthEventAt { get; set; } = "Stripe_Health_Event_At__c";
    /// <summary>Why the Account is linked to its Stripe customer (picklist, see <see cref="Matching.MatchReason"/>), written when the link is made.</summary>
    public string MatchReason { get; set; } = "Match_Reason__c";

    /// <summary>Billing status value: paying normally.</summary>
    public string BillingCurrent { get; set; } = "Current";
    /// <summary>Billing status value: a payment failed.</summary>
    public string BillingOverdue { get; set; } = "Payment Overdue";
    /// <summary>Billing status value: the subscription ended.</summary>
    public string BillingChurned { get; set; } = "Churned";
    /// <summary>Health value.</summary>
    public string HealthHealthy { get; set; } = "Healthy";
    /// <summary>Health value.</summary>
    public string HealthAtRisk { get; set; } = "At Risk";
    /// <summary>Health value.</summary>
    public string HealthCritical { get; set; } = "Critical";
    /// <summary>
    /// Optional DateTime field stamped with the time the Stripe customer was deleted (customer group).
    /// Empty by default (the shipped model has no such field): deletion is then recorded only by the
    /// customer event time. Records are kept, never deleted.
    /// </summary>
    public string CustomerDeletedAt { get; set; } = "";
}
