using Microsoft.Extensions.Options;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Messaging;

namespace StripeSf.Core.Ingress;

/// <summary>
/// Builds the queue message for a verified event: MessageId = event id (so Service Bus duplicate
/// detection drops Stripe's redeliveries), Subject = type, envelope facts as application properties.
/// Payloads above the claim-check threshold are stored in <see cref="IPayloadStore"/> and the
/// message carries only the reference, because a Service Bus Standard message tops out at 256 KB.
/// </summary>
public sealed class EventMessageFactory(IPayloadStore payloads, IOptions<WebhookOptions> options)
{
    /// <summary>The message for <paramref name="envelope"/> with <paramref name="rawBody"/> as its payload.</summary>
    public async Task<OutboundMessage> CreateAsync(EventEnvelope envelope, ReadOnlyMemory<byte> rawBody, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object>
        {
            [MessageProperties.Livemode] = envelope.Livemode,
            [MessageProperties.Created] = envelope.Created.ToUnixTimeSeconds(),
            [MessageProperties.Attempt] = 1,
        };
        AddIfPresent(properties, MessageProperties.ObjectId, envelope.ObjectId);
        AddIfPresent(properties, MessageProperties.CustomerId, envelope.CustomerId);
        AddIfPresent(properties, MessageProperties.ApiVersion, envelope.ApiVersion);

        var body = rawBody;
        if (rawBody.Length > options.Value.ClaimCheckThresholdBytes)
        {
            properties[MessageProperties.PayloadRef] = await payloads.PutAsync(envelope.Id, rawBody, cancellationToken).ConfigureAwait(false);
            body = ReadOnlyMemory<byte>.Empty;
        }

        return new OutboundMessage(envelope.Id, envelope.Type, body, properties);
    }

    private static void AddIfPresent(Dictionary<string, object> properties, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[name] = value;
        }
    }
}
