namespace StripeSf.Core.Messaging;

/// <summary>What the queue did with a published message.</summary>
public enum PublishResult
{
    /// <summary>Accepted. Service Bus drops a duplicate MessageId silently, so in Azure this is the only answer.</summary>
    Enqueued,

    /// <summary>The queue already holds this MessageId within its duplicate-detection window (reported by the local queue).</summary>
    Duplicate,
}
