using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Ingress;

/// <summary>
/// The webhook endpoint's logic: verify the signature on the raw bytes, read the envelope, check
/// the mode, route by type and enqueue. Never talks to Salesforce, so Stripe gets its answer fast.
/// </summary>
public sealed class WebhookIngress(
    SignatureVerifier verifier,
    EventMessageFactory messages,
    IEventPublisher publisher,
    RoutingTable routes,
    IOptions<WebhookOptions> options,
    ILogger<WebhookIngress> logger)
{
    private int MaxBodyBytes => options.Value.MaxBodyBytes;

    // The answer for a body that exceeded MaxBodyBytes.
    private IngressResult TooLarge()
    {
        Log.WebhookTooLarge(logger, MaxBodyBytes);
        return new IngressResult(IngressStatus.PayloadTooLarge, $"body exceeds {MaxBodyBytes} bytes (Stripe__MaxBodyBytes)");
    }

    /// <summary>Handles one webhook delivery read from <paramref name="body"/>, reading no more than <c>Stripe__MaxBodyBytes</c>.</summary>
    public async Task<IngressResult> AcceptAsync(Stream body, long? declaredLength, string? signatureHeader, CancellationToken cancellationToken)
    {
        var rawBody = await BoundedBody.ReadAsync(body, declaredLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return rawBody is null ? TooLarge() : await AcceptAsync(rawBody, signatureHeader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles one webhook delivery.</summary>
    public async Task<IngressResult> AcceptAsync(ReadOnlyMemory<byte> rawBody, string? signatureHeader, CancellationToken cancellationToken)
    {
        if (rawBody.Length > MaxBodyBytes)
        {
            return TooLarge();
        }

        var signature = verifier.Verify(rawBody, signatureHeader);
        if (!signature.IsValid)
        {
            Log.WebhookRejected(logger, signature.FailureStatus, signature.Reason);
            return new IngressResult(signature.FailureStatus, signature.Reason);
        }

        if (!EventEnvelopeReader.TryRead(rawBody, out var envelope, out var error))
        {
            Log.WebhookRejected(logger, IngressStatus.MalformedEvent, error);
            return new IngressResult(IngressStatus.MalformedEvent, $"malformed event: {error}");
        }

        if (!options.Value.Accepts(envelope!.Livemode))
        {
            var mode = envelope.Livemode ? "live" : "test";
            var detail = $"event {envelope.Id} is a {mode}-mode event but this endpoint expects {options.Value.ExpectedMode} mode (Stripe__ExpectedMode)";
            Log.WebhookRejected(logger, IngressStatus.ModeMismatch, detail);
            return new IngressResult(IngressStatus.ModeMismatch, detail, envelope.Id, envelope.Type);
        }

        var queue = routes.QueueFor(envelope.Type);
        if (queue is null)
        {
            Log.EventIgnored(logger, envelope.Id, envelope.Type);
            return new IngressResult(IngressStatus.Ignored, $"event type {envelope.Type} is not routed", envelope.Id, envelope.Type);
        }

        return await EnqueueAsync(envelope, queue, rawBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IngressResult> EnqueueAsync(EventEnvelope envelope, string queue, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken)
    {
        try
        {
            var message = await messages.CreateAsync(envelope, rawBody, cancellationToken).ConfigureAwait(false);
            var result = await publisher.PublishAsync(queue, message, cancellationToken).ConfigureAwait(false);
            if (result == PublishResult.Duplicate)
            {
                Log.EventDuplicate(logger, envelope.Id, envelope.Type);
                return new IngressResult(IngressStatus.Duplicate, "event already enqueued", envelope.Id, envelope.Type, queue);
            }

            Log.EventEnqueued(logger, envelope.Id, envelope.Type, queue);
            return new IngressResult(IngressStatus.Accepted, "enqueued", envelope.Id, envelope.Type, queue);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure to enqueue must reach Stripe as a 5xx: Stripe then retries for up to
            // three days, whereas a 2xx here would lose the event for good.
            Log.EnqueueFailed(logger, ex, envelope.Id, envelope.Type, queue);
            return new IngressResult(IngressStatus.EnqueueFailed, $"could not enqueue event {envelope.Id} on queue {queue}; Stripe will retry", envelope.Id, envelope.Type, queue);
        }
    }
}
