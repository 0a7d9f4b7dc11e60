using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Flows.Shared;

/// <summary>
/// Customer Health while an invoice is past due. What a user reads in <c>Customer_Health__c</c> is
/// derived from two facts the Account stores, each order-safe on its own:
/// <list type="bullet">
/// <item>the <b>basis</b>, <c>Stripe_Health_Basis__c</c>: the health the dispute, refund and cancellation
/// facts imply (see <see cref="BillingCustomerHealth"/>), the newest winning under
/// <c>Stripe_Health_Event_At__c</c>; its writers set <c>Customer_Health__c</c> to the same value in the
/// same guarded subrequest;</item>
/// <item>the <b>past-due invoices</b>, <c>Past_Due_Invoices__c</c>: a roll-up count of the Account's
/// <c>Stripe_Invoice__c</c> records with Status <c>open</c> and at least one attempt — each invoice
/// record has its own guard, so a paid invoice stays paid whatever order its events arrive in, and
/// two invoices past due at once are two.</item>
/// </list>
/// The rule: basis Critical → Critical; else any past-due invoice → At Risk; else the basis, or
/// Healthy when no fact has decided one. Every event that changes a fact puts the field back to the
/// rule for the Account's stored facts, in its own composite call, with a query that selects the
/// Account only when the rule calls for the value (the update that references it fails harmlessly
/// otherwise). A basis of At Risk or Critical is the rule's value already; the cases left are:
/// <see cref="AtRiskWhilePastDue"/> after a failed payment and after a Healthy basis (a won dispute,
/// a withdrawn cancellation), <see cref="BackWhenPaid"/> after a paid invoice. Because the queries
/// read stored facts, not the event, the field ends the same in every delivery order.
/// </summary>
internal sealed class PastDueHealth(SalesforceMappingOptions options)
{
    /// <summary>
    /// The query found no Account the rule gives this value to and whose field holds another one: the field
    /// already holds the rule's value, so an event that changes nothing else (a stale redelivery) stays skipped.
    /// </summary>
    public static WriteRule RuleGivesAnotherValue { get; } =
        WriteRule.DoneWhen("the Account's health facts call for another value", f => f.Code == "PROCESSING_HALTED");

    /// <summary>Customer Health At Risk when the Account has a past-due invoice and its basis is not Critical.</summary>
    public void AtRiskWhilePastDue(CompositePlanBuilder plan, HealthAccount account, string referenceId)
    {
        var map = options.Account;
        var basis = Soql.Identifier(account.Path + map.HealthBasis);
        var pastDue = Soql.Identifier(account.Path + map.PastDueInvoices);
        var health = Soql.Identifier(account.Path + map.CustomerHealth);
        var query = Soql.Query($"SELECT {Soql.Identifier(account.IdField)} FROM {Soql.Identifier(account.From)} WHERE {Soql.Identifier(account.KeyField)} = {account.Key} AND {pastDue} > {0} AND {basis} != {map.HealthCritical} AND {health} != {map.HealthAtRisk} LIMIT 1");
        Set(plan, account, referenceId, query, map.HealthAtRisk);
    }

    /// <summary>Customer Health Healthy when no invoice is past due and the basis is Healthy or undecided.</summary>
    public void BackWhenPaid(CompositePlanBuilder plan, HealthAccount account, string referenceId)
    {
        var map = options.Account;
        var basis = Soql.Identifier(account.Path + map.HealthBasis);
        var pastDue = Soql.Identifier(account.Path + map.PastDueInvoices);
        var health = Soql.Identifier(account.Path + map.CustomerHealth);
        var query = Soql.Query($"SELECT {Soql.Identifier(account.IdField)} FROM {Soql.Identifier(account.From)} WHERE {Soql.Identifier(account.KeyField)} = {account.Key} AND {pastDue} = {0} AND {basis} != {map.HealthCritical} AND {basis} != {map.HealthAtRisk} AND {health} != {map.HealthHealthy} LIMIT 1");
        Set(plan, account, referenceId, query, map.HealthHealthy);
    }

    private void Set(CompositePlanBuilder plan, HealthAccount account, string referenceId, SoqlQuery query, string health)
    {
        var queryRef = referenceId + "Query";
        plan.Query(queryRef, query);
        plan.Update(referenceId, options.Account.Object, CompositePlanBuilder.Ref(queryRef, $"records[0].{account.IdField}"),
            new JsonObject { [options.Account.CustomerHealth] = health }, RuleGivesAnotherValue);
    }
}

/// <summary>
/// How a health query reaches the Account: by its Stripe customer id, or through a record that looks it
/// up (a dispute knows only its charge: the charge's payment entry and its Account relationship).
/// </summary>
internal sealed record HealthAccount(string From, string KeyField, string Key, string IdField, string Path)
{
    /// <summary>The Account by its external id.</summary>
    public static HealthAccount ByCustomer(AccountMap map, string customerId) => new(map.Object, map.ExternalId, customerId, "Id", "");

    /// <summary>The Account of the payment entry <paramref name="paymentKey"/>.</summary>
    public static HealthAccount ThroughPayment(PaymentMap map, string paymentKey) =>
        new(map.Object, map.ExternalId, paymentKey, BillingLookup.IdField(map.AccountRelationship), map.AccountRelationship + ".");
}
