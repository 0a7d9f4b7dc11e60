namespace StripeSf.Core.Mapping;

/// <summary>
/// Object and field API names, picklist values, flow switches and thresholds (<c>Mapping__*</c>
/// settings, e.g. <c>Mapping__Account__Mrr=Annual_MRR__c</c>). Defaults are the shipped data model
/// (docs: infra/salesforce); an org with its own fields maps them here.
/// </summary>
public sealed class SalesforceMappingOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Mapping";

    /// <summary>Account fields.</summary>
    public AccountMap Account { get; set; } = new();

    /// <summary>Contact fields.</summary>
    public ContactMap Contact { get; set; } = new();

    /// <summary>The Lead fields the forward flow reads and writes for a customer that names its Lead (<c>salesforce_lead_id</c>).</summary>
    public LeadLinkMap LeadLink { get; set; } = new();

    /// <summary>Opportunity fields.</summary>
    public OpportunityMap Opportunity { get; set; } = new();

    /// <summary>Contract fields.</summary>
    public ContractMap Contract { get; set; } = new();

    /// <summary>Payment entry fields (charges, refunds, disputes).</summary>
    public PaymentMap Payment { get; set; } = new();

    /// <summary>Invoice fields.</summary>
    public InvoiceMap Invoice { get; set; } = new();

    /// <summary>Task fields.</summary>
    public TaskMap Task { get; set; } = new();

    /// <summary>Case fields.</summary>
    public CaseMap Case { get; set; } = new();

    /// <summary>The Lead → Stripe customer sync (the reverse direction).</summary>
    public LeadSyncMap LeadSync { get; set; } = new();

    /// <summary>Which flows run.</summary>
    public FlowSwitches Flows { get; set; } = new();

    /// <summary>Metadata key (on the customer, subscription or checkout session) naming an existing Opportunity to close.</summary>
    public string OpportunityIdMetadataKey { get; set; } = "salesforce_opportunity_id";

    /// <summary>An MRR increase at or above this (in the subscription's currency) creates an expansion Opportunity and a Task.</summary>
    public decimal ExpansionThresholdMrr { get; set; } = 500m;

    /// <summary>Campaign that churned Accounts' contacts join (empty: none).</summary>
    public string? WinBackCampaignId { get; set; }

    /// <summary>
    /// On first sight of a customer, look for an existing Contact with the customer's email (and
    /// no Stripe id yet) and attach it and its Account instead of creating new ones. One extra API
    /// call per new customer.
    /// </summary>
    public bool MatchContactsByEmail { get; set; } = true;

    /// <summary>Set <c>CurrencyIsoCode</c> on amounts (orgs with multiple currencies enabled).</summary>
    public bool UseCurrencyIsoCode { get; set; }
}
