using System.Text.Json.Nodes;

namespace StripeSf.Salesforce.Query;

/// <summary>One page of a SOQL result; <see cref="NextRecordsUrl"/> is null on the last page.</summary>
public sealed record QueryPage(int TotalSize, bool Done, string? NextRecordsUrl, IReadOnlyList<JsonObject> Records);
