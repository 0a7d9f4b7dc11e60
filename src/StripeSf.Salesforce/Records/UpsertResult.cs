namespace StripeSf.Salesforce.Records;

/// <summary>The outcome of an upsert by external id: the record id (null on a 204 from old API versions) and whether it was created.</summary>
public sealed record UpsertResult(string? Id, bool Created);
