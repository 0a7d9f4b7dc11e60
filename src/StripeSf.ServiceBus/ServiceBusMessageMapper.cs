using Azure.Messaging.ServiceBus;
using StripeSf.Core.Messaging;

namespace StripeSf.ServiceBus;

/// <summary>Maps between the transport-neutral Core messages and Service Bus messages.</summary>
public static class ServiceBusMessageMapper
{
    /// <summary>The Service Bus message for <paramref name="message"/>.</summary>
    public static ServiceBusMessage ToServiceBusMessage(OutboundMessage message)
    {
        var result = new ServiceBusMessage(BinaryData.FromBytes(message.Body))
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            ContentType = OutboundMessage.ContentType,
        };
        foreach (var (name, value) in message.ApplicationProperties)
        {
            result.ApplicationProperties[name] = value;
        }

        if (message.ScheduledEnqueueTime is { } at)
        {
            result.ScheduledEnqueueTime = at;
        }

        return result;
    }

    /// <summary>The Core view of a received message.</summary>
    public static InboundMessage ToInbound(ServiceBusReceivedMessage message) => new(
        message.MessageId,
        message.Subject ?? "",
        message.Body.ToMemory(),
        message.ApplicationProperties.ToDictionary(p => p.Key, p => p.Value),
        message.DeliveryCount);
}
