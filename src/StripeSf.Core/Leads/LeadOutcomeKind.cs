namespace StripeSf.Core.Leads;

/// <summary>What happened to one Lead in a run.</summary>
public enum LeadOutcomeKind
{
    /// <summary>A new Stripe customer was created for it.</summary>
    Created,

    /// <summary>Its Stripe customer was updated.</summary>
    Updated,

    /// <summary>Nothing changed since the last sync: no Stripe call, no write.</summary>
    Unchanged,

    /// <summary>Bad data (invalid email, no last name or company): skipped, reason on the Lead.</summary>
    Skipped,

    /// <summary>Stripe refused it permanently (a 4xx): its error, reason on the Lead.</summary>
    Refused,

    /// <summary>Stripe or Salesforce failed transiently: tried again next run (the watermark stays before it).</summary>
    Deferred,
}
