namespace StripeSf.Core.Messaging;

/// <summary>Names of the application properties every queued Stripe event carries (visible in Service Bus Explorer).</summary>
public static class MessageProperties
{
    /// <summary>Id of the Stripe object the event is about (data.object.id).</summary>
    public const string ObjectId = "StripeObjectId";

    /// <summary>The Stripe customer id the object belongs to, when there is one.</summary>
    public const string CustomerId = "StripeCustomerId";

    /// <summary>True for live-mode events.</summary>
    public const string Livemode = "StripeLivemode";

    /// <summary>The Stripe API version the payload is rendered at.</summary>
    public const string ApiVersion = "StripeApiVersion";

    /// <summary>The event's <c>created</c> time, Unix seconds.</summary>
    public const string Created = "StripeCreated";

    /// <summary>Processing attempt this copy represents (1 for the message Stripe delivered).</summary>
    public const string Attempt = "StripeSfAttempt";

    /// <summary>The message id of the first copy, kept on scheduled retries and replays.</summary>
    public const string OriginalMessageId = "StripeSfOriginalMessageId";

    /// <summary>Blob name of the payload when it was too large for the message (claim check).</summary>
    public const string PayloadRef = "StripeSfPayloadRef";

    /// <summary>How many times an operator replayed this event from a dead-letter queue.</summary>
    public const string ReplayCount = "StripeSfReplayCount";
}
