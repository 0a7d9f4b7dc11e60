namespace StripeSf.Salesforce.Preflight;

/// <summary>One thing wrong, in plain words, and how to fix it.</summary>
public sealed record PreflightFinding(PreflightSeverity Severity, string Problem, string Fix);
