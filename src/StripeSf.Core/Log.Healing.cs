using Microsoft.Extensions.Logging;

namespace StripeSf.Core;

/// <summary>Log messages of gap-fill and the endpoint watch (the same Log class, in its own file).</summary>
internal static partial class Log
{
    [LoggerMessage(3101, LogLevel.Information, "Gap-fill from {Since} to {Until}: {EventCount} routed Stripe events sent through processing, {FailedCount} failed")]
    public static partial void GapFillCompleted(ILogger logger, string since, string until, int eventCount, int failedCount);

    [LoggerMessage(3102, LogLevel.Warning, "Gap-fill: Stripe event {EventId} ({EventType}) {State}: {Detail}")]
    public static partial void GapFillEventFailed(ILogger logger, string eventId, string eventType, string state, string detail);

    [LoggerMessage(3103, LogLevel.Warning, "StripeEndpointUnhealthy: {EndpointId} {Problem}; fix: {Fix}")]
    public static partial void StripeEndpointUnhealthy(ILogger logger, string endpointId, string problem, string fix);

    [LoggerMessage(3104, LogLevel.Warning, "StripeEndpointUnhealthy: the webhook endpoints could not be read: {Reason}")]
    public static partial void StripeEndpointUnreadable(ILogger logger, string reason);
}
