using Microsoft.Extensions.Logging;
using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Notifications;

/// <summary>
/// Delivers one notification message and settles it through the host's <see cref="IMessageSettlement"/>
/// with the same <see cref="SettlementPolicy"/> as the event queues: sent → complete, a retry → a
/// scheduled copy, given up → dead letter with the reason, an unexpected exception → abandon until
/// the last delivery.
/// </summary>
public sealed class NotificationDispatcher(NotificationDeliverer deliverer, SettlementPolicy policy, TimeProvider time, ILogger<NotificationDispatcher> logger)
{
    /// <summary>Delivers and settles <paramref name="message"/>.</summary>
    public Task<SettlementResult> DeliverAndSettleAsync(InboundMessage message, IMessageSettlement settlement, CancellationToken cancellationToken) =>
        SettlementExecutor.SettleAsync(message, token => deliverer.DeliverAsync(message, token), settlement, policy, time, logger, cancellationToken);
}
