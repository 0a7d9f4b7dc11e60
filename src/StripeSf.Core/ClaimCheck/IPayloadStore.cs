namespace StripeSf.Core.ClaimCheck;

/// <summary>
/// Holds event payloads too large for a Service Bus Standard message (256 KB). The ingress stores
/// the payload and enqueues a thin message carrying its reference; the processor reads it back.
/// </summary>
public interface IPayloadStore
{
    /// <summary>Stores <paramref name="payload"/> for <paramref name="eventId"/>; returns the reference to put on the message. Idempotent per event.</summary>
    Task<string> PutAsync(string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Reads a stored payload, or null when it no longer exists.</summary>
    Task<byte[]?> GetAsync(string reference, CancellationToken cancellationToken);
}
