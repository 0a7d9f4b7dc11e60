namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The objects and fields the shipped metadata creates (see docs/salesforce-model.md), plus the standard fields the product writes.</summary>
public static class LoopbackSchema
{
    /// <summary>A fresh copy of the default objects, keyed by API name.</summary>
    public static Dictionary<string, LoopbackObject> Default() =>
        new LoopbackObject[]
        {
            new("Account", "001", ["Stripe_Customer_Id__c"],
                ["Name", "OwnerId", "Subscription_Status__c", "Billing_Status__c", "Plan_Name__c", "Plan_Interval__c", "MRR__c", "ARR__c",
                 "Last_Payment_Date__c", "Customer_Health__c", "Stripe_Customer_Event_At__c", "Stripe_Subscription_Event_At__c",
                 "Stripe_Billing_Event_At__c", "Stripe_Payment_Event_At__c", "Stripe_Health_Event_At__c", "Stripe_Name_Event_At__c", "CurrencyIsoCode", "Match_Reason__c", "Stripe_Health_Basis__c"],
                ["Lifetime_Value__c", "Past_Due_Invoices__c"], ["Name"]),
            new("Contact", "003", ["Stripe_Customer_Id__c"],
                ["AccountId", "FirstName", "LastName", "Email", "Phone", "OwnerId", "Stripe_Customer_Event_At__c", "Stripe_Email_Event_At__c", "Stripe_Phone_Event_At__c", "Match_Reason__c"], null, ["LastName"]),
            new("Opportunity", "006", ["Stripe_Subscription_Id__c", "Stripe_Renewal_Key__c"],
                ["AccountId", "Name", "StageName", "Amount", "CloseDate", "MRR__c", "ARR__c", "Stripe_Last_Event_At__c", "OwnerId", "CurrencyIsoCode",
                 "Description", "Stripe_Note_Event_At__c", "Type"], null, ["Name", "StageName", "CloseDate"]),
            new("Contract", "800", ["Stripe_Subscription_Id__c"],
                ["AccountId", "StartDate", "ContractTerm", "Plan_Name__c", "Status", "Stripe_Last_Event_At__c"]),
            new("Stripe_Payment__c", "a01", ["Stripe_Payment_Id__c"],
                ["Account__c", "Type__c", "Amount__c", "Currency__c", "Status__c", "Paid_At__c", "Charge_Id__c", "Invoice_Id__c",
                 "Card_Brand__c", "Card_Last4__c", "Stripe_Last_Event_At__c", "CurrencyIsoCode"], null, ["Account__c"]),
            new("Stripe_Invoice__c", "a02", ["Stripe_Invoice_Id__c"],
                ["Account__c", "Number__c", "Status__c", "Amount_Due__c", "Amount_Paid__c", "Currency__c", "Period_Start__c", "Period_End__c",
                 "Subscription_Id__c", "Attempt_Count__c", "Next_Payment_Attempt__c", "Hosted_Invoice_Url__c", "Paid_At__c",
                 "Stripe_Last_Event_At__c", "CurrencyIsoCode"], null, ["Account__c"]),
            new("Task", "00T", ["Stripe_Event_Id__c"],
                ["Subject", "Priority", "Status", "OwnerId", "WhatId", "WhoId", "ActivityDate", "Description", "Stripe_Resolution__c"]),
            new("Case", "500", ["Stripe_Case_Key__c"],
                ["Subject", "Priority", "Description", "AccountId", "Status", "Origin", "OwnerId", "Stripe_Last_Event_At__c"]),
            new("Stripe_Reconciliation_Run__c", "a03", ["Run_Key__c"],
                ["Name", "Status__c", "Window_Start__c", "Window_End__c", "Records_Checked__c", "Missing_Count__c", "Missing_Amount__c",
                 "Amount_Mismatch_Count__c", "Amount_Mismatch_Amount__c", "Status_Mismatch_Count__c", "Status_Mismatch_Amount__c",
                 "Orphan_Count__c", "Orphan_Amount__c", "Reenqueued_Count__c", "Gap_Fill_Through__c",
                 "Closed_Won_Without_Payment_Count__c", "Closed_Won_Without_Payment_Amount__c", "Revenue_Without_Opportunity_Count__c",
                 "Revenue_Without_Opportunity_Amount__c", "Opportunity_Amount_Mismatch_Count__c", "Opportunity_Amount_Mismatch_Amount__c"],
                ["Total_Discrepancies__c"]),
            new("Lead", "00Q", ["Stripe_Customer_Id__c"],
                ["FirstName", "LastName", "Company", "Email", "Phone", "Status", "Sync_To_Stripe__c", "OwnerId", "Street", "City",
                 "PostalCode", "Country", "State", "Stripe_Customer_Event_At__c", "Stripe_Sync_Status__c", "Stripe_Sync_Error__c", "Stripe_Synced_At__c",
                 "Stripe_Sync_Fingerprint__c"],
                // Set by lead conversion only (convertLead), never by a write; a converted Lead refuses updates.
                ["IsConverted", "ConvertedAccountId", "ConvertedContactId"], null, new Dictionary<string, bool> { ["IsConverted"] = false }),
            new("User", "005", [], ["Username", "Email", "IsActive"]),
            new("Group", "00G", [], ["Name", "DeveloperName", "Type"]),
            new("Campaign", "701", [], ["Name", "IsActive", "Type"]),
            new("CampaignMember", "00v", [], ["CampaignId", "ContactId", "LeadId", "Status"]),
            // Salesforce Files: a ContentVersion created with FirstPublishLocationId is shared with that record.
            new("ContentVersion", "068", [], ["Title", "PathOnClient", "VersionData", "FirstPublishLocationId"], null, ["PathOnClient", "VersionData"]),
        }.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
}
