using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Healing;

/// <summary>
/// Heals a webhook outage: lists the Stripe events of the routed types created in a window (Stripe
/// keeps events 30 days) and sends them, oldest first, to a target — their queues for the nightly
/// run, the processor in-process for <c>stripesf gap-fill</c>. Every event is sent whether or not it
/// was delivered: Stripe cannot say reliably which events an endpoint missed (a disabled endpoint
/// is not even attempted), and a copy is harmless (duplicate detection by event id, upserts by
/// external id, stale guards).
/// </summary>
public sealed class GapFiller(
    StripeReconciliationReader stripe,
    GapFillWatermark watermark,
    RoutingTable routes,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<GapFiller> logger)
{
    /// <summary>How long Stripe keeps events.</summary>
    public static readonly TimeSpan StripeRetention = TimeSpan.FromDays(30);

    /// <summary>
    /// How far before the recorded watermark the next gap-fill starts: an event can appear in
    /// Stripe's list a moment after its <c>created</c> time, and the overlap is harmless.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(10);

    private const int BatchSize = 100;

    /// <summary>From the last successful gap-fill (minus <see cref="Overlap"/>), or <c>GapFillFirstRunHours</c> back when none is recorded, until now.</summary>
    public async Task<GapFillWindow> DefaultWindowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var last = await watermark.LastAsync(cancellationToken).ConfigureAwait(false);
        return Window(last is { } through ? through - Overlap : now.AddHours(-options.Value.GapFillFirstRunHours));
    }

    /// <summary>From <paramref name="since"/> until now, clamped to Stripe's retention (a minute inside it, so the list call is never refused).</summary>
    public GapFillWindow Window(DateTimeOffset since)
    {
        var now = time.GetUtcNow();
        var oldest = now - StripeRetention + TimeSpan.FromMinutes(1);
        return since < oldest ? new GapFillWindow(oldest, now, true) : new GapFillWindow(since, now, false);
    }

    /// <summary>
    /// Lists the window's routed events and sends them to <paramref name="target"/> oldest first, in
    /// batches of 100. The events are held in memory to be sorted (a day of events is a few MB).
    /// </summary>
    public async Task<GapFillResult> RunAsync(GapFillWindow window, IGapFillTarget target, CancellationToken cancellationToken)
    {
        var events = new Dictionary<string, StripeEventPayload>(StringComparer.Ordinal);
        await foreach (var e in stripe.EventsAsync(routes.EventTypes, window.Since, window.Until, cancellationToken).ConfigureAwait(false))
        {
            events.TryAdd(e.Id, e);
        }

        var outcomes = new List<GapFillOutcome>(events.Count);
        foreach (var batch in events.Values.OrderBy(e => e.Created).ThenBy(e => e.Id, StringComparer.Ordinal).Chunk(BatchSize))
        {
            outcomes.AddRange(await target.SendAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        var result = new GapFillResult(window, outcomes);
        Log.GapFillCompleted(logger, GapFillWindow.Stamp(window.Since), GapFillWindow.Stamp(window.Until), outcomes.Count, result.Failures.Count);
        foreach (var failure in result.Failures)
        {
            Log.GapFillEventFailed(logger, failure.EventId, failure.Type, failure.State, failure.Detail);
        }

        return result;
    }
}
