namespace StripeSf.Salesforce.Bulk;

/// <summary>
/// A Bulk API 2.0 upsert: <paramref name="Csv"/> is RFC 4180 text with a header row of field API
/// names (LF line endings) that includes <paramref name="ExternalIdField"/>.
/// </summary>
public sealed record BulkIngestRequest(string SObject, string ExternalIdField, string Csv);
