using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Composite;

/// <summary>
/// One failed subrequest of a Composite call, classified. <paramref name="RolledBack"/> marks a
/// subrequest that was fine but was undone because a sibling failed (allOrNone); its
/// <paramref name="Kind"/> is then the root cause's kind.
/// </summary>
public sealed record CompositeSubrequestFailure(
    string ReferenceId,
    int HttpStatusCode,
    IReadOnlyList<SalesforceError> Errors,
    SalesforceFailureKind Kind,
    bool RolledBack)
{
    /// <summary>The first error code, or the HTTP status when there is none.</summary>
    public string Code => Errors.Count > 0 ? Errors[0].ErrorCode : $"HTTP_{HttpStatusCode}";

    /// <summary>The first error message, or empty.</summary>
    public string Message => Errors.Count > 0 ? Errors[0].Message : string.Empty;

    /// <summary>True when the stale-event validation rule refused an older event: the newer data already won.</summary>
    public bool IsStaleEvent => Errors.Any(SalesforceErrorClassifier.IsStaleEvent);
}
