using System.Text.Json.Nodes;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Processing;

/// <summary>
/// Turns a composite response into the event's outcome. A stale-event rejection (the
/// <c>STALE_EVENT</c> validation rule) counts as done for its field group, not as a failure:
/// Salesforce already holds newer facts, and retrying would change nothing.
/// </summary>
public sealed class CompositeOutcomeInterpreter(RetryPolicy retryPolicy)
{
    /// <summary>The message prefix of the shipped stale-event validation rules.</summary>
    public const string StaleEventMarker = "STALE_EVENT";

    /// <summary>The outcome of <paramref name="request"/> given <paramref name="response"/>.</summary>
    public ProcessingOutcome Interpret(StripeEventContext context, CompositeRequest request, CompositeResponse response)
    {
        var failures = response.Results
            .Where(r => r.HttpStatusCode >= 300)
            .Select(r => (r.ReferenceId, Errors: ErrorsOf(r)))
            .ToList();
        if (failures.Count == 0)
        {
            return new ProcessingOutcome.Completed(CompletionKind.Written, $"{response.Results.Count} Salesforce writes applied");
        }

        // With allOrNone, every subrequest after the first failure reports PROCESSING_HALTED; only
        // the real causes say anything about the event.
        var causes = failures
            .SelectMany(f => f.Errors.Select(e => (f.ReferenceId, Error: e)))
            .Where(f => f.Error.ErrorCode != "PROCESSING_HALTED")
            .ToList();
        var stale = causes.Where(c => IsStale(c.Error)).ToList();
        var real = causes.Except(stale).ToList();

        if (real.Count == 0)
        {
            var written = response.Results.Count - failures.Count;
            return written > 0 && !request.AllOrNone
                ? new ProcessingOutcome.Completed(CompletionKind.Written, $"{written} writes applied; {string.Join(", ", stale.Select(s => s.ReferenceId))} skipped as stale")
                : new ProcessingOutcome.Completed(CompletionKind.SkippedStale, "Salesforce already holds newer facts about this object");
        }

        var describe = string.Join("; ", real.Select(c => $"{c.ReferenceId}: {c.Error.ErrorCode} {c.Error.Message}{FieldsOf(c.Error)}"));
        if (real.All(c => ClassifyCode(c.Error.ErrorCode) == SalesforceFailureKind.Transient))
        {
            return retryPolicy.AfterTransientFailure(context.Attempt, $"Salesforce {describe}");
        }

        return new ProcessingOutcome.DeadLetter(DeadLetterReasons.SalesforceRejected,
            $"event {context.EventId} ({context.Type}, {EventProcessor.StripeObjectOf(context)}): Salesforce {describe}");
    }

    /// <summary>True when a record could not be created because a create-only field (an Account's Name) was left out.</summary>
    public static bool NeedsCreateFields(CompositeResponse response) =>
        response.Results.Where(r => r.HttpStatusCode >= 300).SelectMany(ErrorsOf).Any(e => e.ErrorCode == "REQUIRED_FIELD_MISSING");

    private static bool IsStale(SalesforceError error) =>
        error.ErrorCode == "FIELD_CUSTOM_VALIDATION_EXCEPTION" && error.Message.Contains(StaleEventMarker, StringComparison.Ordinal);

    private static string FieldsOf(SalesforceError error) => error.Fields.Count == 0 ? "" : $" (fields: {string.Join(", ", error.Fields)})";

    private static SalesforceFailureKind ClassifyCode(string code) => code switch
    {
        "UNABLE_TO_LOCK_ROW" or "REQUEST_LIMIT_EXCEEDED" or "SERVER_UNAVAILABLE" or "INVALID_SESSION_ID" or "HTTP_500" or "HTTP_502" or "HTTP_503" or "HTTP_504" => SalesforceFailureKind.Transient,
        _ => SalesforceFailureKind.Permanent,
    };

    private static IReadOnlyList<SalesforceError> ErrorsOf(CompositeSubresponse result)
    {
        if (result.Body is JsonArray array && array.Count > 0)
        {
            return [.. array.OfType<JsonObject>().Select(e => new SalesforceError(
                (string?)e["errorCode"] ?? (string?)e["statusCode"] ?? $"HTTP_{result.HttpStatusCode}",
                (string?)e["message"] ?? "",
                e["fields"] is JsonArray fields ? [.. fields.Select(f => (string?)f ?? "")] : []))];
        }

        return [new SalesforceError($"HTTP_{result.HttpStatusCode}", result.Body?.ToJsonString() ?? "no body", [])];
    }
}
