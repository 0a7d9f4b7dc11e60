using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows;
using StripeSf.Core.Matching;
using StripeSf.Core.Messaging;
using StripeSf.Core.Notifications;
using StripeSf.Core.Planning;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Processing;

/// <summary>
/// The one event pipeline: payload (claim check) → Stripe event → flow → tier completion → plan
/// (first sight: create fields and email-matching claims) → API budget → send → decide. Every host
/// runs it — the Service Bus triggers, <c>stripesf serve</c>'s local queue, <c>replay</c>,
/// reconciliation repair — and <c>stripesf plan</c> runs it with a capturing sender. It returns the
/// outcome; the host only settles the message from it.
/// </summary>
public sealed class EventProcessor(
    FlowTable flows,
    ISalesforceClient salesforce,
    IPayloadStore payloads,
    RetryPolicy retryPolicy,
    ExistingContactMatcher matcher,
    SubscriptionTiersCompleter completer,
    ISalesforceApiBudget budget,
    EventNotifier notifier,
    IOptions<ProcessingOptions> options,
    TimeProvider time,
    ILogger<EventProcessor> logger)
{
    private const int MaxCreateRounds = 2;

    /// <summary>Processes <paramref name="message"/>. Unexpected exceptions propagate (the queue redelivers them).</summary>
    public async Task<ProcessingOutcome> ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        // The scope puts the Stripe event id on every log line written while this event is processed.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["StripeEventId"] = message.EventId, ["EventType"] = message.Subject });
        var outcome = await DecideAsync(message, cancellationToken).ConfigureAwait(false);
        LogOutcome(message, outcome);
        if (outcome is ProcessingOutcome.DeadLetter deadLetter)
        {
            await notifier.AfterDeadLetterAsync(message, deadLetter, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<ProcessingOutcome> DecideAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var payload = await ReadPayloadAsync(message, cancellationToken).ConfigureAwait(false);
        if (payload is null)
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.PayloadMissing,
                $"event {message.EventId}: payload {message.ApplicationProperties[MessageProperties.PayloadRef]} is no longer in the claim-check container; replay the event from the Stripe dashboard");
        }

        if (!StripeEventParser.TryParse(payload, message.Attempt, out var context, out var parseError))
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.MalformedEvent, $"message {message.MessageId}: {parseError}");
        }

        if (!flows.TryGet(context!.Type, out var flow))
        {
            // Startup refuses a routed type without a flow; this is a message on a queue routes.json no longer lists.
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.NoHandler,
                $"event {context.EventId}: no flow for {context.Type}; the queue exists but this deployment does not process it");
        }

        try
        {
            context = await completer.CompleteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is StripeException or HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Stripe down, rate-limited or refusing the key: the queue retries for hours, which
            // outlasts an outage and gives an operator time to fix Stripe__ApiKey.
            return retryPolicy.AfterTransientFailure(context.Attempt, $"Stripe API, fetching the subscription's price tiers: {ex.Message}");
        }

        return await ApplyAsync(flow!, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessingOutcome> ApplyAsync(EventFlow flow, StripeEventContext context, CancellationToken cancellationToken)
    {
        WritePlan plan;
        try
        {
            plan = flow.Plan(context);
        }
        catch (UnmappableEventException ex)
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.UnmappableData, $"event {context.EventId} ({context.Type}): {ex.Message}");
        }

        if (plan.IsEmpty)
        {
            Log.EventHasNoWrites(logger, context.EventId, context.Type, flow.Family.ToString());
            return new ProcessingOutcome.Completed(CompletionKind.NothingToWrite, "no Salesforce writes for this event");
        }

        if (budget.IsAboveThreshold && !options.Value.IsUrgent(context.Type))
        {
            await notifier.AfterApiBudgetDeferralAsync(budget.Current, cancellationToken).ConfigureAwait(false);

            // The daily allowance is shared with every other integration of the org; spending the
            // last of it on non-urgent updates could stop the customer's own processes.
            return new ProcessingOutcome.RetryLater(TimeSpan.FromMinutes(options.Value.DeferralMinutes),
                $"Salesforce API usage {budget.Current?.Percent:0.#}% is above the threshold; non-urgent event deferred", CountsAsAttempt: false);
        }

        try
        {
            var (sent, response) = await SendAsync(flow, context, plan, cancellationToken).ConfigureAwait(false);
            var outcome = OutcomeDecider.Decide(sent, response, context.Attempt, retryPolicy, $"{context.EventId} ({context.Type}, {StripeObjectOf(context)})");
            if (outcome is ProcessingOutcome.Completed { Kind: CompletionKind.Written })
            {
                var lag = (time.GetUtcNow() - context.Created).TotalSeconds;
                Log.EventWritten(logger, context.EventId, Math.Round(lag, 1),
                    budget.Current is { } usage ? usage.Percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "unknown");

                // After the write, never instead of it: notifications go to their own queue.
                await notifier.AfterWriteAsync(context, sent.Request, response, cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }
        catch (SalesforceApiException ex) when (ex.Kind == SalesforceFailureKind.Transient)
        {
            return retryPolicy.AfterTransientFailure(context.Attempt, $"Salesforce {ex.Code}: {ex.Message}");
        }
        catch (SalesforceApiException ex)
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.SalesforceRejected,
                $"event {context.EventId} ({context.Type}, {StripeObjectOf(context)}): Salesforce {ex.Code}: {ex.Message}");
        }
    }

    /// <summary>
    /// Sends the plan: one call in steady state. First sight is part of the plan — each write knows how
    /// it changes when its record must be created (<see cref="WhenCreating"/>). An event that normally
    /// brings new records (customer.created) sends every write in its creating form, with the
    /// email-matching claims in front, at once; otherwise, when Salesforce answers that records must be
    /// created, the same plan is sent again with exactly those writes in their creating form (and the
    /// claims, when an Account is among them).
    /// </summary>
    private async Task<(WritePlan Sent, CompositeResponse Response)> SendAsync(EventFlow flow, StripeEventContext context, WritePlan plan, CancellationToken cancellationToken)
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        var sent = flow.ExpectsNewRecords ? matcher.WithClaims(context, plan.CreatingAll()) : plan;

        // A record that failed for another reason (a lock) cannot report its missing fields yet, so
        // a later round can find more; two rounds cover an Account and what hangs on it.
        for (var round = 0; ; round++)
        {
            var response = await salesforce.CompositeAsync(sent.Request, cancellationToken).ConfigureAwait(false);
            var missing = OutcomeDecider.MissingRecords(response);
            if (flow.ExpectsNewRecords || round == MaxCreateRounds || missing.IsSubsetOf(created))
            {
                return (sent, response);
            }

            var attach = matcher.CreatesAccount(plan, missing);
            created.UnionWith(missing);
            sent = plan.Creating(created.Contains);
            if (attach)
            {
                sent = matcher.WithClaims(context, sent);
            }
        }
    }

    private async Task<byte[]?> ReadPayloadAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ApplicationProperties.TryGetValue(MessageProperties.PayloadRef, out var reference) && reference is string name)
        {
            return await payloads.GetAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return message.Body.ToArray();
    }

    internal static string StripeObjectOf(StripeEventContext context) =>
        context.DataObject.TryGetProperty("id", out var id) ? $"{context.Facts.ObjectType ?? "object"} {id.GetString()}" : context.Type;

    private void LogOutcome(InboundMessage message, ProcessingOutcome outcome)
    {
        switch (outcome)
        {
            case ProcessingOutcome.Completed completed:
                // Outcome values are the workbook's vocabulary (docs/operator-guide.md, Telemetry names).
                Log.EventCompleted(logger, message.EventId, message.Subject, completed.Kind == CompletionKind.SkippedStale ? "Stale" : "Completed", $"{completed.Kind}: {completed.Detail}");
                break;
            case ProcessingOutcome.RetryLater retry:
                Log.EventRetryScheduled(logger, message.EventId, message.Subject, message.Attempt, retry.Reason, retry.Delay);
                break;
            case ProcessingOutcome.DeadLetter deadLetter:
                Log.EventDeadLettered(logger, message.EventId, message.Subject, deadLetter.Reason, deadLetter.Description);
                break;
        }
    }
}
