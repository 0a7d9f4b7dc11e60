namespace StripeSf.Salesforce.Preflight;

/// <summary>A field the mapping writes: it must exist and be writable by the integration user.</summary>
public sealed record RequiredField(string SObject, string Field);
