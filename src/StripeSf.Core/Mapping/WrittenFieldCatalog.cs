using StripeSf.Salesforce.Preflight;

namespace StripeSf.Core.Mapping;

/// <summary>
/// Every (object, field) the flows write under a mapping: what <c>stripesf doctor</c> checks in the
/// org and what the metadata must ship. A test plans every flow fixture and fails when a handler
/// writes a field missing here.
/// </summary>
public static class WrittenFieldCatalog
{
    /// <summary>The fields written under <paramref name="m"/>.</summary>
    public static IReadOnlyList<RequiredField> Of(SalesforceMappingOptions m)
    {
        var a = m.Account;
        var c = m.Contact;
        var o = m.Opportunity;
        var k = m.Contract;
        var p = m.Payment;
        var i = m.Invoice;
        var t = m.Task;
        var s = m.Case;
        var l = m.LeadLink;
        var leadSync = m.LeadSync;
        return
        [
            .. Fields(a.Object, a.ExternalId, a.Name, a.SubscriptionStatus, a.BillingStatus, a.PlanName, a.PlanInterval, a.Mrr, a.Arr,
                a.LastPaymentDate, a.CustomerHealth, a.CustomerEventAt, a.NameEventAt, a.SubscriptionEventAt, a.BillingEventAt, a.PaymentEventAt, a.HealthEventAt, a.HealthBasis),
            .. Fields(c.Object, c.ExternalId, c.Email, c.FirstName, c.LastName, c.Phone, c.CustomerEventAt, c.EmailEventAt, c.PhoneEventAt, LookupField(c.AccountRelationship)),
            .. Fields(o.Object, o.ExternalId, o.RenewalKey, o.Name, o.StageName, o.Amount, o.CloseDate, o.Mrr, o.Arr, o.LastEventAt, o.LossReason, o.NoteEventAt, o.Type, LookupField(o.AccountRelationship), "OwnerId"),
            .. Fields(k.Object, k.ExternalId, k.StartDate, k.ContractTerm, k.PlanName, k.Status, k.LastEventAt, LookupField(k.AccountRelationship)),
            .. Fields(p.Object, p.ExternalId, p.Type, p.Amount, p.Currency, p.Status, p.PaidAt, p.ChargeId, p.InvoiceId, p.CardBrand, p.CardLast4, p.LastEventAt, LookupField(p.AccountRelationship)),
            .. Fields(i.Object, i.ExternalId, i.Number, i.Status, i.AmountDue, i.AmountPaid, i.Currency, i.PeriodStart, i.PeriodEnd, i.SubscriptionId,
                i.AttemptCount, i.NextPaymentAttempt, i.HostedInvoiceUrl, i.PaidAt, i.LastEventAt, LookupField(i.AccountRelationship)),
            .. Fields(t.Object, t.ExternalId, t.Subject, t.Priority, t.Status, t.OwnerId, t.WhatId, t.ActivityDate, t.Description, t.Resolution),
            .. Fields(s.Object, s.ExternalId, s.Subject, s.Priority, s.Status, s.Description, s.LastEventAt, LookupField(s.AccountRelationship)),
            // The identity ladder: each link's reason, and the Lead's Stripe fields (a customer naming its Lead).
            .. Fields(a.Object, a.MatchReason),
            .. Fields(c.Object, c.MatchReason),
            .. Fields(l.Object, l.ExternalId, l.CustomerEventAt),
            // The Lead → Stripe sync's write-back.
            .. Fields(leadSync.Object, leadSync.CustomerId, leadSync.Status, leadSync.Error, leadSync.SyncedAt, leadSync.Fingerprint),
        ];
    }

    /// <summary>The lookup field behind a relationship name: <c>Account__r</c> → <c>Account__c</c>, <c>Account</c> → <c>AccountId</c>.</summary>
    public static string LookupField(string relationship) =>
        relationship.EndsWith("__r", StringComparison.Ordinal) ? relationship[..^3] + "__c" : relationship + "Id";

    private static IEnumerable<RequiredField> Fields(string sObject, params string[] fields) =>
        fields.Select(f => new RequiredField(sObject, f));
}
