using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Records;

/// <summary>One record's result in an sObject Collections call (which answers 200 even when records fail).</summary>
public sealed record RecordResult(string? Id, bool Success, bool Created, IReadOnlyList<SalesforceError> Errors)
{
    /// <summary>Null on success; otherwise transient or permanent per <see cref="SalesforceErrorClassifier.ClassifyCode"/>.</summary>
    public SalesforceFailureKind? FailureKind =>
        Success ? null
        : Errors.Any(e => SalesforceErrorClassifier.ClassifyCode(e.ErrorCode) == SalesforceFailureKind.Permanent && !SalesforceErrorClassifier.IsRollback(e.ErrorCode))
            ? SalesforceFailureKind.Permanent
            : SalesforceFailureKind.Transient;
}
