using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Matching;
using StripeSf.Core.Messaging;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Processing;

/// <summary>
/// Processes one queued Stripe event: reads the payload (claim check), parses it with Stripe.net
/// whatever its API version, asks the event type's handler for the Salesforce writes, sends them
/// as one composite request, and returns the outcome the queue adapter settles the message with.
/// </summary>
public sealed class EventProcessor(
    HandlerRegistry handlers,
    ISalesforceClient salesforce,
    CompositeOutcomeInterpreter interpreter,
    IPayloadStore payloads,
    RetryPolicy retryPolicy,
    IOptions<ProcessingOptions> options,
    ILogger<EventProcessor> logger,
    ISalesforceApiBudget? budget = null,
    TimeProvider? time = null,
    ExistingContactMatcher? matcher = null,
    SubscriptionTiersCompleter? completer = null)
{
    private const int MaxCreateRounds = 2;

    /// <summary>Processes <paramref name="message"/>. Unexpected exceptions propagate (the queue redelivers them).</summary>
    public async Task<ProcessingOutcome> ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        // The scope puts the Stripe event id on every log line written while this event is processed.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["StripeEventId"] = message.EventId, ["EventType"] = message.Subject });
        var outcome = await DecideAsync(message, cancellationToken).ConfigureAwait(false);
        LogOutcome(message, outcome);
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

        if (!handlers.TryGet(context!.Type, out var handler))
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.NoHandler,
                $"event {context.EventId}: no handler for {context.Type}; the queue exists but this deployment does not process it");
        }

        if (completer is not null)
        {
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
        }

        return await ApplyAsync(handler!, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProcessingOutcome> ApplyAsync(IEventHandler handler, StripeEventContext context, CancellationToken cancellationToken)
    {
        CompositeRequest request;
        context = context with { IncludeCreateFields = handler.ExpectsNewRecords };
        try
        {
            request = handler.Plan(context);
        }
        catch (UnmappableEventException ex)
        {
            return new ProcessingOutcome.DeadLetter(DeadLetterReasons.UnmappableData, $"event {context.EventId} ({context.Type}): {ex.Message}");
        }

        if (request.IsEmpty)
        {
            Log.EventHasNoWrites(logger, context.EventId, context.Type, handler.GetType().Name);
            return new ProcessingOutcome.Completed(CompletionKind.NothingToWrite, "no Salesforce writes for this event");
        }

        if (budget?.IsAboveThreshold == true && !options.Value.IsUrgent(context.Type))
        {
            // The daily allowance is shared with every other integration of the org; spending the
            // last of it on non-urgent updates could stop the customer's own processes.
            return new ProcessingOutcome.RetryLater(TimeSpan.FromMinutes(options.Value.DeferralMinutes),
                $"Salesforce API usage {budget.Current?.Percent:0.#}% is above the threshold; non-urgent event deferred", CountsAsAttempt: false);
        }

        try
        {
            (context, request, var response) = await WriteAsync(handler, context, request, cancellationToken).ConfigureAwait(false);
            var outcome = interpreter.Interpret(context, handler, request, response);
            if (outcome is ProcessingOutcome.Completed { Kind: CompletionKind.Written })
            {
                var lag = ((time ?? TimeProvider.System).GetUtcNow() - context.Created).TotalSeconds;
                Log.EventWritten(logger, context.EventId, Math.Round(lag, 1),
                    budget?.Current is { } usage ? usage.Percent.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "unknown");
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
    /// Sends the plan. First sight of a customer — an event that normally brings new records, or
    /// Salesforce answering that records must be created — puts the claims of existing records found
    /// by the customer's email in front of the writes, and (for the second case) plans again with the
    /// fields only creation needs, for exactly the records that are missing; steady state is one call.
    /// </summary>
    private async Task<(StripeEventContext, CompositeRequest, CompositeResponse)> WriteAsync(
        IEventHandler handler, StripeEventContext context, CompositeRequest request, CancellationToken cancellationToken)
    {
        if (context.IncludeCreateFields)
        {
            request = WithClaims(context, request);
        }

        // A record that failed for another reason (a lock) cannot report its missing fields yet, so
        // a later round can find more; two rounds cover an Account and what hangs on it.
        for (var round = 0; ; round++)
        {
            var response = await salesforce.CompositeAsync(request, cancellationToken).ConfigureAwait(false);
            var missing = CompositeOutcomeInterpreter.MissingCreateFields(response);
            if (context.IncludeCreateFields || round == MaxCreateRounds || missing.IsSubsetOf(context.CreateFieldsFor))
            {
                return (context, request, response);
            }

            var attach = matcher?.CreatesAccount(request, missing) == true;
            context = context with { CreateFieldsFor = context.CreateFieldsFor.Union(missing).ToHashSet(StringComparer.Ordinal) };
            request = handler.Plan(context);
            if (attach)
            {
                request = WithClaims(context, request);
            }
        }
    }

    private CompositeRequest WithClaims(StripeEventContext context, CompositeRequest request) =>
        matcher is null ? request : matcher.WithClaims(context, request);

    private async Task<byte[]?> ReadPayloadAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.ApplicationProperties.TryGetValue(MessageProperties.PayloadRef, out var reference) && reference is string name)
        {
            return await payloads.GetAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return message.Body.ToArray();
    }

    internal static string StripeObjectOf(StripeEventContext context) =>
        context.DataObject.TryGetProperty("id", out var id) ? $"{context.Event.Data.Object.Object} {id.GetString()}" : context.Type;

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
