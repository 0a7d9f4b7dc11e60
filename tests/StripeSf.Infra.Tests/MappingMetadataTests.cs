using StripeSf.Core.Mapping;

namespace StripeSf.Infra.Tests;

/// <summary>Every field the flows write under the default mapping exists in the shipped metadata and can be written.</summary>
public sealed class MappingMetadataTests
{
    // Standard fields the default mapping writes; custom fields (…__c) must come from infra/salesforce.
    private static readonly HashSet<string> StandardFields =
    [
        "Account.Name",
        "Contact.Email", "Contact.FirstName", "Contact.LastName", "Contact.Phone", "Contact.AccountId",
        "Opportunity.Name", "Opportunity.StageName", "Opportunity.Amount", "Opportunity.CloseDate", "Opportunity.Description", "Opportunity.Type", "Opportunity.AccountId", "Opportunity.OwnerId",
        "Contract.StartDate", "Contract.ContractTerm", "Contract.Status", "Contract.AccountId",
        "Task.Subject", "Task.Priority", "Task.Status", "Task.OwnerId", "Task.WhatId", "Task.ActivityDate", "Task.Description",
        "Case.Subject", "Case.Priority", "Case.Status", "Case.Description", "Case.AccountId",
    ];

    [Fact]
    public void WrittenFields_OfTheDefaultMapping_ExistInTheMetadataAndAreWritable()
    {
        var metadata = SalesforceMetadata.LoadFields().ToDictionary(f => $"{f.Object}.{f.Name}");
        var missing = new List<string>();

        foreach (var field in WrittenFieldCatalog.Of(new SalesforceMappingOptions()))
        {
            var key = $"{field.SObject}.{field.Field}";
            if (!field.Field.EndsWith("__c", StringComparison.Ordinal))
            {
                if (!StandardFields.Contains(key))
                {
                    missing.Add($"{key} (standard field not known to be writable)");
                }

                continue;
            }

            if (!metadata.TryGetValue(key, out var declared))
            {
                missing.Add($"{key} (not in infra/salesforce)");
            }
            else if (!declared.IsWritable && declared.Type != "MasterDetail")
            {
                missing.Add($"{key} ({declared.Type}, not writable)");
            }
        }

        Assert.True(missing.Count == 0, "Fields the mapping writes but the metadata does not ship:\n" + string.Join("\n", missing));
    }
}
