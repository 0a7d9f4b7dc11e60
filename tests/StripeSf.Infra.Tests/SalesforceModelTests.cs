using System.Text.RegularExpressions;

namespace StripeSf.Infra.Tests;

/// <summary>The metadata matches the data model of docs/salesforce-model.md (the product's default names).</summary>
public sealed partial class SalesforceModelTests
{
    private const string Amount = "Currency|Number";
    private const string Id = "Text";

    // Object, field, compatible metadata types: the table of salesforce-model.md.
    public static TheoryData<string, string, string> ModelFields => new()
    {
        { "Account", "Stripe_Customer_Id__c", Id },
        { "Account", "Subscription_Status__c", "Picklist" },
        { "Account", "Billing_Status__c", "Picklist" },
        { "Account", "Plan_Name__c", "Text|Picklist" },
        { "Account", "Plan_Interval__c", "Text|Picklist" },
        { "Account", "MRR__c", Amount },
        { "Account", "ARR__c", Amount },
        { "Account", "Last_Payment_Date__c", "Date" },
        { "Account", "Lifetime_Value__c", "Summary" },
        { "Account", "Customer_Health__c", "Picklist" },
        { "Account", "Stripe_Health_Basis__c", "Picklist" },
        { "Account", "Past_Due_Invoices__c", "Summary" },
        { "Account", "Stripe_Customer_Event_At__c", "DateTime" },
        { "Account", "Stripe_Subscription_Event_At__c", "DateTime" },
        { "Account", "Stripe_Billing_Event_At__c", "DateTime" },
        { "Account", "Stripe_Payment_Event_At__c", "DateTime" },
        { "Account", "Stripe_Health_Event_At__c", "DateTime" },
        { "Contact", "Stripe_Customer_Id__c", Id },
        { "Contact", "Stripe_Email_Event_At__c", "DateTime" },
        { "Contact", "Stripe_Phone_Event_At__c", "DateTime" },
        { "Opportunity", "Stripe_Subscription_Id__c", Id },
        { "Opportunity", "Stripe_Renewal_Key__c", Id },
        { "Opportunity", "MRR__c", Amount },
        { "Opportunity", "ARR__c", Amount },
        { "Opportunity", "Stripe_Last_Event_At__c", "DateTime" },
        { "Opportunity", "Stripe_Note_Event_At__c", "DateTime" },
        { "Contract", "Stripe_Subscription_Id__c", Id },
        { "Contract", "Plan_Name__c", "Text|Picklist" },
        { "Contract", "Stripe_Last_Event_At__c", "DateTime" },
        { "Stripe_Payment__c", "Account__c", "MasterDetail" },
        { "Stripe_Payment__c", "Stripe_Payment_Id__c", Id },
        { "Stripe_Payment__c", "Type__c", "Picklist" },
        { "Stripe_Payment__c", "Amount__c", Amount },
        { "Stripe_Payment__c", "Currency__c", "Text|Picklist" },
        { "Stripe_Payment__c", "Status__c", "Text|Picklist" },
        { "Stripe_Payment__c", "Paid_At__c", "DateTime" },
        { "Stripe_Payment__c", "Charge_Id__c", Id },
        { "Stripe_Payment__c", "Invoice_Id__c", Id },
        { "Stripe_Payment__c", "Card_Brand__c", "Text|Picklist" },
        { "Stripe_Payment__c", "Card_Last4__c", "Text" },
        { "Stripe_Invoice__c", "Account__c", "MasterDetail" },
        { "Stripe_Invoice__c", "Stripe_Invoice_Id__c", Id },
        { "Stripe_Invoice__c", "Number__c", "Text" },
        { "Stripe_Invoice__c", "Status__c", "Text|Picklist" },
        { "Stripe_Invoice__c", "Amount_Due__c", Amount },
        { "Stripe_Invoice__c", "Amount_Paid__c", Amount },
        { "Stripe_Invoice__c", "Currency__c", "Text|Picklist" },
        { "Stripe_Invoice__c", "Period_Start__c", "DateTime|Date" },
        { "Stripe_Invoice__c", "Period_End__c", "DateTime|Date" },
        { "Stripe_Invoice__c", "Subscription_Id__c", Id },
        { "Stripe_Invoice__c", "Attempt_Count__c", "Number" },
        { "Stripe_Invoice__c", "Next_Payment_Attempt__c", "DateTime" },
        { "Stripe_Invoice__c", "Hosted_Invoice_Url__c", "Url" },
        { "Stripe_Invoice__c", "Paid_At__c", "DateTime" },
        { "Task", "Stripe_Event_Id__c", Id },
        { "Task", "Stripe_Resolution__c", "Text" },
        { "Case", "Stripe_Case_Key__c", Id },
        { "Case", "Stripe_Last_Event_At__c", "DateTime" },
        { "Stripe_Reconciliation_Run__c", "Run_Key__c", Id },
        { "Stripe_Reconciliation_Run__c", "Status__c", "Text|Picklist" },
        { "Lead", "Stripe_Customer_Id__c", Id },
        { "Lead", "Sync_To_Stripe__c", "Checkbox" },
        { "Lead", "Stripe_Sync_Status__c", "Picklist" },
        { "Lead", "Stripe_Sync_Error__c", "Text" },
        { "Lead", "Stripe_Synced_At__c", "DateTime" },
        { "Lead", "Stripe_Sync_Fingerprint__c", "Text" },
    };

    // The upsert key of every object: an external id, unique, so a duplicate delivery cannot insert twice.
    public static TheoryData<string, string> ExternalIds => new()
    {
        { "Account", "Stripe_Customer_Id__c" },
        { "Contact", "Stripe_Customer_Id__c" },
        { "Opportunity", "Stripe_Subscription_Id__c" },
        { "Opportunity", "Stripe_Renewal_Key__c" },
        { "Contract", "Stripe_Subscription_Id__c" },
        { "Stripe_Payment__c", "Stripe_Payment_Id__c" },
        { "Stripe_Invoice__c", "Stripe_Invoice_Id__c" },
        { "Task", "Stripe_Event_Id__c" },
        { "Case", "Stripe_Case_Key__c" },
        { "Stripe_Reconciliation_Run__c", "Run_Key__c" },
        { "Lead", "Stripe_Customer_Id__c" },
    };

    public static TheoryData<string, string, string> Picklists => new()
    {
        { "Account", "Subscription_Status__c", "active,trialing,past_due,unpaid,canceled,incomplete,incomplete_expired,paused" },
        { "Account", "Billing_Status__c", "Current,Payment Overdue,Churned" },
        { "Account", "Customer_Health__c", "Healthy,At Risk,Critical" },
        { "Account", "Stripe_Health_Basis__c", "Healthy,At Risk,Critical" },
        { "Stripe_Payment__c", "Type__c", "Charge,Refund,Dispute" },
        { "Lead", "Stripe_Sync_Status__c", $"{StripeSf.Core.Leads.LeadSyncStatus.Synced},{StripeSf.Core.Leads.LeadSyncStatus.Skipped},{StripeSf.Core.Leads.LeadSyncStatus.Error}" },
    };

    public static TheoryData<string, string> EventAtFields => new()
    {
        { "Account", "Stripe_Customer_Event_At__c" },
        { "Account", "Stripe_Subscription_Event_At__c" },
        { "Account", "Stripe_Billing_Event_At__c" },
        { "Account", "Stripe_Payment_Event_At__c" },
        { "Account", "Stripe_Health_Event_At__c" },
        { "Opportunity", "Stripe_Last_Event_At__c" },
        { "Opportunity", "Stripe_Note_Event_At__c" },
        { "Case", "Stripe_Last_Event_At__c" },
        { "Contract", "Stripe_Last_Event_At__c" },
    };

    private static readonly IReadOnlySet<SalesforceField> Fields = SalesforceMetadata.LoadFields();

    [Theory]
    [MemberData(nameof(ModelFields))]
    public void ModelField_ExistsWithCompatibleType(string obj, string field, string compatibleTypes)
    {
        var declared = Fields.SingleOrDefault(f => f.Object == obj && f.Name == field);

        Assert.True(declared is not null, $"{obj}.{field} is missing from infra/salesforce");
        Assert.Contains(declared.Type, compatibleTypes.Split('|'));
    }

    [Theory]
    [MemberData(nameof(ExternalIds))]
    public void UpsertKey_IsUniqueExternalIdText(string obj, string field)
    {
        var declared = Fields.Single(f => f.Object == obj && f.Name == field);

        Assert.Equal("Text", declared.Type);
        Assert.True(declared.IsExternalId, $"{obj}.{field} must be an External ID");
        Assert.True(declared.IsUnique, $"{obj}.{field} must be Unique");
        Assert.Equal("255", SalesforceMetadata.Value(SalesforceMetadata.LoadFieldXml(obj, field), "length"));
    }

    [Theory]
    [MemberData(nameof(Picklists))]
    public void Picklist_HasTheModelsValues(string obj, string field, string values)
    {
        var xml = SalesforceMetadata.LoadFieldXml(obj, field);
        var declared = xml.Descendants(SalesforceMetadata.Ns + "value")
            .Select(v => SalesforceMetadata.Value(v, "fullName"))
            .ToList();

        Assert.Equal(values.Split(','), declared);
    }

    [Fact]
    public void LifetimeValue_IsRollUpSumOfPaymentAmounts()
    {
        var xml = SalesforceMetadata.LoadFieldXml("Account", "Lifetime_Value__c");

        Assert.Equal("Summary", SalesforceMetadata.Value(xml, "type"));
        Assert.Equal("sum", SalesforceMetadata.Value(xml, "summaryOperation"));
        Assert.Equal("Stripe_Payment__c.Amount__c", SalesforceMetadata.Value(xml, "summarizedField"));
        Assert.Equal("Stripe_Payment__c.Account__c", SalesforceMetadata.Value(xml, "summaryForeignKey"));
    }

    [Theory]
    [InlineData("Stripe_Payment__c")]
    [InlineData("Stripe_Invoice__c")]
    public void ChildObject_IsMasterDetailToAccount(string obj)
    {
        var xml = SalesforceMetadata.LoadFieldXml(obj, "Account__c");

        Assert.Equal("MasterDetail", SalesforceMetadata.Value(xml, "type"));
        Assert.Equal("Account", SalesforceMetadata.Value(xml, "referenceTo"));
    }

    [Theory]
    [MemberData(nameof(EventAtFields))]
    public void EventAtField_HasStaleEventValidationRule(string obj, string field)
    {
        var rule = SalesforceMetadata.LoadValidationRules(obj)
            .SingleOrDefault(r => SalesforceMetadata.Value(r, "errorConditionFormula")!.Contains($"PRIORVALUE({field})", StringComparison.Ordinal));

        Assert.True(rule is not null, $"{obj} has no validation rule using PRIORVALUE({field})");
        var formula = SalesforceMetadata.Value(rule, "errorConditionFormula")!;
        Assert.Contains("NOT(ISNEW())", formula, StringComparison.Ordinal);
        Assert.Contains($"{field} < PRIORVALUE({field})", formula, StringComparison.Ordinal);
        Assert.StartsWith("STALE_EVENT:", SalesforceMetadata.Value(rule, "errorMessage"), StringComparison.Ordinal);
        Assert.Equal("true", SalesforceMetadata.Value(rule, "active"));
    }

    // The shared model document sits beside the repository in this project's CI (../shared/docs);
    // when it is there, every custom field it names must exist too, so the two cannot drift.
    [Fact]
    public void ModelDocument_WhenPresent_EveryNamedCustomFieldExists()
    {
        var doc = Path.Combine(RepositoryPaths.Root, "..", "shared", "docs", "salesforce-model.md");
        if (!File.Exists(doc))
        {
            Assert.NotEmpty(ModelFields);
            return;
        }

        var customObjects = Fields.Select(f => f.Object).Where(o => o.EndsWith("__c", StringComparison.Ordinal)).ToHashSet();
        var missing = new List<string>();
        var rows = File.ReadAllLines(doc).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Object", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var objectCell = cells[0];
            var obj = Backticked().Match(objectCell) is { Success: true } m ? m.Groups[1].Value : objectCell.Split(' ')[0];
            foreach (Match token in Backticked().Matches(string.Join(' ', cells)))
            {
                var name = token.Groups[1].Value;
                var (owner, field) = name.Contains('.', StringComparison.Ordinal) ? (name.Split('.')[0], name.Split('.')[1]) : (obj, name);
                if (!field.EndsWith("__c", StringComparison.Ordinal) || customObjects.Contains(field))
                {
                    continue;
                }

                if (!Fields.Any(f => f.Object == owner && f.Name == field))
                {
                    missing.Add($"{owner}.{field}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [GeneratedRegex("`([A-Za-z0-9_.]+)`")]
    private static partial Regex Backticked();
}
