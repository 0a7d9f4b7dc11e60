using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Planning;

/// <summary>
/// The one place that turns a sent plan and Salesforce's answer into the event's outcome: each failed
/// subrequest means what its own <see cref="WriteRule"/> says, so no rule is tied to a reference-id
/// string anywhere else. Pure: same plan, response and attempt, same outcome.
/// </summary>
public static class OutcomeDecider
{
    /// <summary>The error code Salesforce answers when an upsert would create a record without a required (create-only) field.</summary>
    public const string RequiredFieldMissing = "REQUIRED_FIELD_MISSING";

    /// <summary>The subrequests whose record could not be created because a create-only field (a Name) was left out: the records missing from Salesforce.</summary>
    public static IReadOnlySet<string> MissingRecords(CompositeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Failures().Where(f => f.Errors.Any(e => e.ErrorCode == RequiredFieldMissing)).Select(f => f.ReferenceId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The outcome of <paramref name="plan"/> given <paramref name="response"/> on attempt <paramref name="attempt"/>; <paramref name="subject"/> names the event in reasons.</summary>
    public static ProcessingOutcome Decide(WritePlan plan, CompositeResponse response, int attempt, RetryPolicy retryPolicy, string subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(retryPolicy);
        var failures = response.Failures();
        if (failures.Count == 0)
        {
            return new ProcessingOutcome.Completed(CompletionKind.Written, $"{response.Results.Count} Salesforce subrequests applied in one call");
        }

        // With allOrNone, subrequests undone because a sibling failed say nothing about the event.
        var causes = failures.Where(f => !f.RolledBack)
            .Select(f => (Failure: f, Rule: plan.RuleFor(f.ReferenceId)))
            .Select(c => (c.Failure, c.Rule, Meaning: c.Rule.Interpret(c.Failure)))
            .ToList();
        var done = causes.Where(c => c.Meaning == WriteFailureMeaning.Done).ToList();
        var open = causes.Where(c => c.Meaning != WriteFailureMeaning.Done).ToList();
        if (open.Count == 0)
        {
            // Reads (the identity ladder's queries, an owner GET) change nothing: a call whose every write
            // was refused as stale or had nothing to do is skipped, whatever its reads found.
            var reads = plan.Writes.Where(w => w.Subrequest.Method == "GET").Select(w => w.ReferenceId).ToHashSet(StringComparer.Ordinal);
            var applied = response.Results.Count(r => r.IsSuccess && !reads.Contains(r.ReferenceId));
            if (applied > 0 && !plan.AllOrNone)
            {
                return new ProcessingOutcome.Completed(CompletionKind.Written, $"{applied} subrequests applied; {Skipped(done)}");
            }

            // Nothing refused as stale: every write found nothing to do (e.g. a customer whose Lead's
            // converted records belong to another Stripe customer), which is not "newer facts".
            return done.Any(d => d.Failure.IsStaleEvent) || plan.AllOrNone
                ? new ProcessingOutcome.Completed(CompletionKind.SkippedStale, "Salesforce already holds newer facts about this object")
                : new ProcessingOutcome.Completed(CompletionKind.NothingToWrite, $"nothing to write: {Skipped(done)}");
        }

        // Any transient failure, or a record another event writes, retries the whole event: a sibling
        // that failed only because the record it hangs on was not written (a lock on the new Account,
        // then "Foreign key external ID not found" on its invoice) must not dead-letter the event. Every
        // subrequest is an idempotent upsert, and a real permanent failure shows up alone on a later attempt.
        var describe = string.Join("; ", open.Select(c => Describe(c.Failure, c.Meaning == WriteFailureMeaning.WaitsForAnotherEvent ? c.Rule : null)));
        if (open.Any(c => c.Meaning is WriteFailureMeaning.Transient or WriteFailureMeaning.WaitsForAnotherEvent))
        {
            return retryPolicy.AfterTransientFailure(attempt, $"Salesforce {describe}");
        }

        return new ProcessingOutcome.DeadLetter(DeadLetterReasons.SalesforceRejected, $"event {subject}: Salesforce {describe}");
    }

    // "a, b done (rule)": subrequests done under the same rule are named once with it, in call order.
    private static string Skipped(List<(CompositeSubrequestFailure Failure, WriteRule Rule, WriteFailureMeaning Meaning)> done) =>
        string.Join(", ", done.GroupBy(d => d.Failure.IsStaleEvent ? "skipped as stale" : $"done ({d.Rule.Name})")
            .Select(g => $"{string.Join(", ", g.Select(d => d.Failure.ReferenceId))} {g.Key}"));

    private static string Describe(CompositeSubrequestFailure failure, WriteRule? waitingFor)
    {
        var fields = failure.Errors.SelectMany(e => e.Fields).Distinct().ToList();
        var waiting = waitingFor is null ? "" : $" — waiting for {waitingFor.Name}";
        return $"{failure.ReferenceId}: {failure.Code} {failure.Message}{(fields.Count == 0 ? "" : $" (fields: {string.Join(", ", fields)})")}{waiting}";
    }
}
