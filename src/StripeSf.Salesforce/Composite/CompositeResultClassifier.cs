using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Composite;

/// <summary>Turns Composite subresponses into classified failures using <see cref="SalesforceErrorClassifier"/>.</summary>
internal static class CompositeResultClassifier
{
    public static IReadOnlyList<CompositeSubrequestFailure> Failures(CompositeResponse response)
    {
        var failed = response.Results.Where(r => !r.IsSuccess).ToArray();
        if (failed.Length == 0)
        {
            return [];
        }

        var parsed = failed.Select(r => (Result: r, Errors: ErrorsOf(r))).ToArray();
        var rootKinds = parsed
            .Where(p => !IsRolledBack(p.Errors))
            .Select(p => KindOf(p.Result.HttpStatusCode, p.Errors))
            .ToArray();

        // A rolled-back subrequest inherits the root cause: permanent if any real failure is permanent.
        var rootKind = rootKinds.Contains(SalesforceFailureKind.Permanent)
            ? SalesforceFailureKind.Permanent
            : SalesforceFailureKind.Transient;

        return parsed
            .Select(p => IsRolledBack(p.Errors)
                ? new CompositeSubrequestFailure(p.Result.ReferenceId, p.Result.HttpStatusCode, p.Errors, rootKind, true)
                : new CompositeSubrequestFailure(p.Result.ReferenceId, p.Result.HttpStatusCode, p.Errors, KindOf(p.Result.HttpStatusCode, p.Errors), false))
            .ToArray();
    }

    private static IReadOnlyList<SalesforceError> ErrorsOf(CompositeSubresponse result) =>
        result.HttpStatusCode == 300
            ? SalesforceErrorParser.Parse(300, result.Body?.ToJsonString())
            : SalesforceErrorParser.Parse(result.Body);

    private static bool IsRolledBack(IReadOnlyList<SalesforceError> errors) =>
        errors.Count > 0 && errors.All(e => SalesforceErrorClassifier.IsRollback(e.ErrorCode));

    private static SalesforceFailureKind KindOf(int status, IReadOnlyList<SalesforceError> errors) =>
        SalesforceErrorClassifier.Classify(status, errors);
}
