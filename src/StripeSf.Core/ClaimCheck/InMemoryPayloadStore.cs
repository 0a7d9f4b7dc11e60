using System.Collections.Concurrent;

namespace StripeSf.Core.ClaimCheck;

/// <summary>Payload store for the local host (<c>stripesf serve</c>) and tests.</summary>
public sealed class InMemoryPayloadStore : IPayloadStore
{
    private readonly ConcurrentDictionary<string, byte[]> _payloads = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string> PutAsync(string eventId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var reference = $"{eventId}.json";
        _payloads[reference] = payload.ToArray();
        return Task.FromResult(reference);
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_payloads.TryGetValue(reference, out var payload) ? payload : null);
}
