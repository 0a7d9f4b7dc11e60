using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace StripeSf.Salesforce.Errors;

/// <summary>
/// The one place that decides whether a Salesforce failure is worth repeating later (transient)
/// or needs a person (permanent). The event processor retries or dead-letters on this answer alone.
/// </summary>
public static class SalesforceErrorClassifier
{
    /// <summary>Prefix of the message the stale-event validation rule (<c>PRIORVALUE</c>) reports.</summary>
    public const string StaleEventMarker = "STALE_EVENT";

    // Codes that describe the org's state at this moment, not the request: the same request
    // succeeds once the lock is released, the 24 h allowance rolls, or the instance is back.
    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        // Another transaction (a trigger, a roll-up, a parallel event for the same account) holds the row.
        "UNABLE_TO_LOCK_ROW",
        // The org's rolling 24 h API allowance or concurrent-request limit is spent; it recovers by itself.
        "REQUEST_LIMIT_EXCEEDED",
        "CONCURRENT_REQUEST_LIMIT_EXCEEDED",
        "TOO_MANY_APEX_REQUESTS",
        // Only reaches us after the client re-minted once and Salesforce still refused: a revoked or
        // racing session, which a later attempt with a fresh token fixes.
        "INVALID_SESSION_ID",
        // Maintenance windows, instance refreshes and read-only mode during a release.
        "SERVER_UNAVAILABLE",
        "SERVICE_UNAVAILABLE",
        "INSERT_UPDATE_DELETE_NOT_ALLOWED_DURING_MAINTENANCE",
        "ORG_IN_MAINTENANCE",
        "ORG_LOCKED",
        "QUERY_TIMEOUT",
        "REQUEST_RUNNING_TOO_LONG",
    };

    // Codes Salesforce puts on records that were fine but were rolled back because a sibling failed
    // (allOrNone). They say nothing about the record itself; the root cause is the sibling's error.
    private static readonly HashSet<string> RollbackCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "PROCESSING_HALTED",
    };

    /// <summary>Classifies a whole-call failure from its HTTP status and parsed error array.</summary>
    public static SalesforceFailureKind Classify(int httpStatusCode, IReadOnlyList<SalesforceError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);

        // A transient code wins over the status: UNABLE_TO_LOCK_ROW arrives as a 400 on single-record calls.
        if (errors.Any(e => TransientCodes.Contains(e.ErrorCode)))
        {
            return SalesforceFailureKind.Transient;
        }

        return httpStatusCode switch
        {
            // 0: no response at all (connection refused, DNS, reset): the network, not the request.
            0 => SalesforceFailureKind.Transient,
            // 300: the external id matched several records; only a person can merge or clean them up.
            300 => SalesforceFailureKind.Permanent,
            // 401 here means the one re-mint already happened; the session keeps being refused for now
            // (a revoked token racing a refresh) and the queue's later attempt mints afresh.
            401 => SalesforceFailureKind.Transient,
            // 403 without REQUEST_LIMIT_EXCEEDED: missing permission or a disabled API; a person must grant it.
            403 => SalesforceFailureKind.Permanent,
            // 404: unknown object, field or external-id field; metadata must be deployed first.
            404 => SalesforceFailureKind.Permanent,
            // 408 and 429: the server asked us to come back later.
            408 or 429 => SalesforceFailureKind.Transient,
            // 5xx: Salesforce's side (503 during maintenance and instance switches).
            >= 500 => SalesforceFailureKind.Transient,
            // Every other 4xx (validation, DUPLICATE_VALUE, INVALID_FIELD, ENTITY_IS_DELETED, ...) fails
            // the same way every time until the data or metadata changes. Unknown 4xx land here too:
            // dead-lettering with the message is safer than retrying for days something we do not understand.
            _ => SalesforceFailureKind.Permanent,
        };
    }

    /// <summary>Classifies a refused token request (the OAuth endpoint answers <c>{error, error_description}</c>).</summary>
    public static SalesforceFailureKind ClassifyTokenFailure(int httpStatusCode) =>
        // invalid_grant / invalid_client (400) need a person: wrong key or consumer key, user not
        // pre-authorised, secret rotated, wrong login host. Repeating cannot fix them, so every event
        // would fail the same way; dead-letter and replay once the connected app is fixed.
        // 5xx, 408 and 429 are Salesforce's side and pass.
        httpStatusCode is >= 500 or 408 or 429 or 0 ? SalesforceFailureKind.Transient : SalesforceFailureKind.Permanent;

    /// <summary>
    /// Classifies one per-record or per-subrequest error code. DUPLICATE_VALUE, validation rules
    /// (FIELD_CUSTOM_VALIDATION_EXCEPTION), INVALID_FIELD and ENTITY_IS_DELETED are permanent.
    /// </summary>
    public static SalesforceFailureKind ClassifyCode(string errorCode) =>
        // DUPLICATE_VALUE can come from two concurrent upserts of one new external id racing; that race
        // is rare (one queue per event type) and a dead-letter replay resolves it, whereas a true
        // duplicate on a unique field never succeeds, so it is permanent.
        TransientCodes.Contains(errorCode) ? SalesforceFailureKind.Transient : SalesforceFailureKind.Permanent;

    /// <summary>True for codes that only say "rolled back because another record failed".</summary>
    public static bool IsRollback(string errorCode) => RollbackCodes.Contains(errorCode);

    /// <summary>True when the error is the stale-event validation rule refusing an older event.</summary>
    public static bool IsStaleEvent(SalesforceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.ErrorCode == "FIELD_CUSTOM_VALIDATION_EXCEPTION"
            && error.Message.Contains(StaleEventMarker, StringComparison.Ordinal);
    }

    /// <summary>
    /// Classifies a failure that produced no Salesforce answer. Everything here is the network or the
    /// in-call resilience budget running out, so a later attempt can succeed.
    /// </summary>
    public static SalesforceFailureKind ClassifyException(Exception exception) => exception switch
    {
        HttpRequestException or SocketException or IOException => SalesforceFailureKind.Transient,
        TimeoutRejectedException or TimeoutException or TaskCanceledException => SalesforceFailureKind.Transient,
        BrokenCircuitException => SalesforceFailureKind.Transient,
        _ => SalesforceFailureKind.Permanent,
    };
}
