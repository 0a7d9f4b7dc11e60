namespace StripeSf.Salesforce.Preflight;

/// <summary>How bad a preflight finding is.</summary>
public enum PreflightSeverity
{
    /// <summary>Going live would fail or lose data; <c>stripesf doctor</c> exits non-zero.</summary>
    Error,

    /// <summary>Works, but deserves attention (for example API usage already high).</summary>
    Warning,
}
