using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Composite;

/// <summary>The per-subrequest results of a Composite API call, in request order.</summary>
public sealed record CompositeResponse(IReadOnlyList<CompositeSubresponse> Results)
{
    /// <summary>True when every subrequest answered 2xx.</summary>
    public bool AllSucceeded => Results.All(r => r.IsSuccess);

    /// <summary>The failed subrequests with code, message and transient/permanent kind, in request order.</summary>
    public IReadOnlyList<CompositeSubrequestFailure> Failures() => CompositeResultClassifier.Failures(this);

    /// <summary>
    /// Null when everything succeeded; otherwise Permanent when any failure that is not a rollback
    /// is permanent, else Transient (retrying the whole, idempotent request can succeed).
    /// </summary>
    public SalesforceFailureKind? FailureKind()
    {
        var failures = Failures();
        if (failures.Count == 0)
        {
            return null;
        }

        return failures.Any(f => f.Kind == SalesforceFailureKind.Permanent)
            ? SalesforceFailureKind.Permanent
            : SalesforceFailureKind.Transient;
    }
}
