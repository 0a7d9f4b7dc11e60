namespace StripeSf.Core.Ingress;

/// <summary>Every answer the webhook endpoint gives, as Stripe and an operator see it.</summary>
public enum IngressStatus
{
    /// <summary>200: verified and enqueued on its event-type queue.</summary>
    Accepted,

    /// <summary>200: verified; the queue already has this event id.</summary>
    Duplicate,

    /// <summary>200: verified; the event type is not routed, so nothing is enqueued (logged).</summary>
    Ignored,

    /// <summary>400: the Stripe-Signature header is missing or malformed, or no secret matches.</summary>
    BadSignature,

    /// <summary>400: the signature timestamp is older than the tolerance (a replay or a slow clock).</summary>
    StaleTimestamp,

    /// <summary>400: the signature timestamp is ahead of now by more than the tolerance.</summary>
    FutureTimestamp,

    /// <summary>400: the signature is valid but the body is not a Stripe event in JSON.</summary>
    MalformedEvent,

    /// <summary>400: a live-mode event reached a test endpoint, or the reverse.</summary>
    ModeMismatch,

    /// <summary>413: the body is larger than the configured maximum.</summary>
    PayloadTooLarge,

    /// <summary>500: the event could not be enqueued; Stripe will retry.</summary>
    EnqueueFailed,
}
