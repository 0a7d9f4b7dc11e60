using Microsoft.Extensions.Logging;

namespace StripeSf.Core.Settlement;

/// <summary>Structured log messages of the settlement; the Stripe event id is on every line.</summary>
internal static partial class SettlementLog
{
    [LoggerMessage(2101, LogLevel.Error, "Stripe event {EventId} ({EventType}) {Outcome}: unexpected exception on delivery {DeliveryCount} of {MaxDeliveryCount}")]
    public static partial void UnexpectedException(ILogger logger, Exception exception, string eventId, string eventType, int deliveryCount, int maxDeliveryCount, string outcome);
}
