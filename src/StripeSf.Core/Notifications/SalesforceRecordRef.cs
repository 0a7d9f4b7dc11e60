namespace StripeSf.Core.Notifications;

/// <summary>A Salesforce record by its sObject type and Id.</summary>
public sealed record SalesforceRecordRef(string SObject, string Id);
