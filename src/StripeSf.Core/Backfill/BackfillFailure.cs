namespace StripeSf.Core.Backfill;

/// <summary>A row Salesforce refused: the object, the external id, and Salesforce's reason.</summary>
public sealed record BackfillFailure(string ObjectType, string SObject, string ExternalIdField, string ExternalId, string Error);
