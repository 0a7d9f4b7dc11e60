namespace StripeSf.Salesforce.Metadata;

/// <summary>One field of a describe result, with what the integration user may do with it.</summary>
public sealed record SObjectField(string Name, string Type, bool Createable, bool Updateable, bool ExternalId);
