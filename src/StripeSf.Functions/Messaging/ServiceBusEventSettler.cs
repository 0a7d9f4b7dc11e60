using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.Settlement;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Messaging;

/// <summary>
/// The Service Bus host's adapter: hands a received message to the <see cref="SettlementExecutor"/>
/// (processor and settlement policy, shared with every host) with a <see cref="ServiceBusMessageSettlement"/>.
/// </summary>
public sealed class ServiceBusEventSettler(SettlementExecutor executor, ServiceBusEventPublisher publisher)
{
    /// <summary>
    /// Processes and settles <paramref name="message"/> from <paramref name="queue"/>. An unexpected
    /// exception is settled first (abandoned; dead-lettered as MaxDeliveryCountExceeded with the
    /// exception on the last delivery) and then rethrown, so the invocation is recorded as failed
    /// (the function-failure alert counts it); the host does not settle a settled message again.
    /// </summary>
    public async Task SettleAsync(string queue, ServiceBusReceivedMessage message, ServiceBusMessageActions actions, CancellationToken cancellationToken)
    {
        var settlement = new ServiceBusMessageSettlement(queue, message, actions, publisher);
        var result = await executor.ProcessAndSettleAsync(ServiceBusMessageMapper.ToInbound(message), settlement, cancellationToken).ConfigureAwait(false);
        result.Failure?.Throw();
    }
}
