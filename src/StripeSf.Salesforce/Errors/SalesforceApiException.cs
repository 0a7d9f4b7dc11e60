namespace StripeSf.Salesforce.Errors;

/// <summary>A Salesforce call failed; <see cref="Kind"/> says whether a later retry can succeed.</summary>
public sealed class SalesforceApiException(
    SalesforceFailureKind kind,
    int httpStatusCode,
    IReadOnlyList<SalesforceError> errors,
    string message,
    Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>Transient or permanent.</summary>
    public SalesforceFailureKind Kind { get; } = kind;

    /// <summary>The HTTP status of the failed call (0 when no response arrived).</summary>
    public int HttpStatusCode { get; } = httpStatusCode;

    /// <summary>The errors Salesforce returned, if any.</summary>
    public IReadOnlyList<SalesforceError> Errors { get; } = errors;

    /// <summary>The first error code, or the HTTP status when there is none.</summary>
    public string Code => Errors.Count > 0 ? Errors[0].ErrorCode : $"HTTP_{HttpStatusCode}";
}
