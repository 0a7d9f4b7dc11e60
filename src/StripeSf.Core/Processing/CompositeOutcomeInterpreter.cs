using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Processing;

/// <summary>
/// Turns a composite response into the event's outcome, using the Salesforce client's
/// classification (transient vs permanent is decided there, in one place). A stale-event
/// rejection (the <c>STALE_EVENT</c> validation rule) counts as done for its field group, not as a
/// failure: Salesforce already holds newer facts, and retrying would change nothing.
/// </summary>
public sealed class CompositeOutcomeInterpreter(RetryPolicy retryPolicy)
{
    /// <summary>The subrequests whose record could not be created because a create-only field (a Name) was left out.</summary>
    public static IReadOnlySet<string> MissingCreateFields(CompositeResponse response) =>
        response.Failures().Where(f => f.Errors.Any(e => e.ErrorCode == "REQUIRED_FIELD_MISSING")).Select(f => f.ReferenceId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The outcome of <paramref name="request"/> given <paramref name="response"/>.</summary>
    public ProcessingOutcome Interpret(StripeEventContext context, IEventHandler handler, CompositeRequest request, CompositeResponse response)
    {
        var failures = response.Failures();
        if (failures.Count == 0)
        {
            return new ProcessingOutcome.Completed(CompletionKind.Written, $"{response.Results.Count} Salesforce subrequests applied in one call");
        }

        // With allOrNone, subrequests undone because a sibling failed say nothing about the event.
        var causes = failures.Where(f => !f.RolledBack).ToList();
        var done = causes.Where(f => f.IsStaleEvent || handler.CountsAsDone(f) || Matching.ExistingContactMatcher.IsUnmatchedClaim(f)).ToList();
        var real = causes.Except(done).ToList();

        if (real.Count == 0)
        {
            var applied = response.Results.Count - failures.Count;
            return applied > 0 && !request.AllOrNone
                ? new ProcessingOutcome.Completed(CompletionKind.Written, $"{applied} subrequests applied; {string.Join(", ", done.Select(s => s.ReferenceId))} skipped as stale or already done")
                : new ProcessingOutcome.Completed(CompletionKind.SkippedStale, "Salesforce already holds newer facts about this object");
        }

        // Any transient failure retries the whole event: a sibling that failed only because the
        // record it hangs on was not written (a lock on the new Account, then "Foreign key external
        // ID not found" on its invoice) must not dead-letter the event. Every subrequest is an
        // idempotent upsert, and a real permanent failure shows up alone on a later attempt.
        var describe = string.Join("; ", real.Select(Describe));
        if (real.Any(f => f.Kind == SalesforceFailureKind.Transient || handler.WaitsForAnotherEvent(f)))
        {
            return retryPolicy.AfterTransientFailure(context.Attempt, $"Salesforce {describe}");
        }

        return new ProcessingOutcome.DeadLetter(DeadLetterReasons.SalesforceRejected,
            $"event {context.EventId} ({context.Type}, {EventProcessor.StripeObjectOf(context)}): Salesforce {describe}");
    }

    private static string Describe(CompositeSubrequestFailure failure)
    {
        var fields = failure.Errors.SelectMany(e => e.Fields).Distinct().ToList();
        return $"{failure.ReferenceId}: {failure.Code} {failure.Message}{(fields.Count == 0 ? "" : $" (fields: {string.Join(", ", fields)})")}";
    }
}
