namespace StripeSf.Core.Processing;

/// <summary>
/// The dead-letter reasons, as shown in the portal's Service Bus Explorer (DeadLetterReason). Each
/// names a class of problem; the description says which Stripe object and which error.
/// </summary>
public static class DeadLetterReasons
{
    /// <summary>The payload is not a Stripe event Stripe.net can read.</summary>
    public const string MalformedEvent = "MalformedEvent";

    /// <summary>The claim-checked payload is gone from blob storage.</summary>
    public const string PayloadMissing = "PayloadMissing";

    /// <summary>No handler is registered for the event type (a deployment mismatch).</summary>
    public const string NoHandler = "NoHandler";

    /// <summary>The event holds data the mapping cannot express (e.g. an unknown currency).</summary>
    public const string UnmappableData = "UnmappableData";

    /// <summary>Salesforce refused the write for good (validation rule, duplicate, missing field, deleted record).</summary>
    public const string SalesforceRejected = "SalesforceRejected";

    /// <summary>Transient failures went on past the retry budget (hours); Salesforce or the network is still failing.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    /// <summary>An unexpected exception (a bug) on every delivery up to the queue's MaxDeliveryCount; the description names the exception.</summary>
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";
}
