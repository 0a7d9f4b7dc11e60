using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Notifications;

/// <summary>
/// The pipeline's hook: after an event is written (or dead-lettered), composes what a person should
/// hear, picks the channels by the rules and hands one message per channel to the outbox. A bug in
/// composing is logged and never fails the write; an outbox that cannot enqueue throws, so the event
/// is retried and the message ids (<c>&lt;event id&gt;:&lt;channel&gt;</c>) keep it to one message per channel.
/// </summary>
public sealed class EventNotifier(NotificationComposer composer, NotificationRules rules, INotificationOutbox outbox, ILogger<EventNotifier> logger)
{
    private string? _usageNotified;

    /// <summary>A notifier with no channel configured: tells nobody (tests of the pipeline that are not about notifications).</summary>
    public static EventNotifier Silent { get; } = new(
        new NotificationComposer(Options.Create(new NotificationOptions()), Options.Create(new Mapping.SalesforceMappingOptions())),
        new NotificationRules(Options.Create(new NotificationOptions())),
        new DisabledNotificationOutbox(),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<EventNotifier>.Instance);

    /// <summary>After <paramref name="context"/> was written with <paramref name="request"/>, answered by <paramref name="response"/>.</summary>
    public Task AfterWriteAsync(StripeEventContext context, CompositeRequest request, CompositeResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!rules.AnyChannel)
        {
            // Most deployments tell nobody: composing (facts, MRR) for every written event would be wasted.
            return Task.CompletedTask;
        }

        Notification? notification;
        try
        {
            notification = composer.Compose(context, request, response);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NotificationLog.NotComposed(logger, ex, context.EventId);
            return Task.CompletedTask;
        }

        return notification is null ? Task.CompletedTask : SendAsync(notification, cancellationToken);
    }

    /// <summary>After <paramref name="message"/> ended as <paramref name="deadLetter"/>.</summary>
    public Task AfterDeadLetterAsync(InboundMessage message, ProcessingOutcome.DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deadLetter);
        if (!rules.AnyChannel)
        {
            return Task.CompletedTask;
        }

        var livemode = message.ApplicationProperties.TryGetValue(MessageProperties.Livemode, out var mode) && mode is true or "True" or "true";
        return SendAsync(NotificationComposer.DeadLettered(message.EventId, message.Subject, livemode, deadLetter.Reason, deadLetter.Description), cancellationToken);
    }

    /// <summary>After a reconciliation run: a notification when it found discrepancies. Never fails the run (it is written already).</summary>
    public async Task AfterReconciliationAsync(Reconciliation.ReconciliationReport report, CancellationToken cancellationToken)
    {
        if (NotificationComposer.Reconciled(report) is not { } notification)
        {
            return;
        }

        try
        {
            await SendAsync(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NotificationLog.NotComposed(logger, ex, notification.EventId);
        }
    }

    /// <summary>
    /// When an event is deferred for API budget: once per UTC day (the message id carries the date,
    /// and this instance remembers the day it handed over, so a day of deferrals is one message).
    /// Never fails the deferral.
    /// </summary>
    public async Task AfterApiBudgetDeferralAsync(Salesforce.Budget.ApiUsage? usage, CancellationToken cancellationToken)
    {
        if (usage is null)
        {
            return;
        }

        var notification = NotificationComposer.ApiUsageAboveThreshold(usage);
        var previous = Interlocked.Exchange(ref _usageNotified, notification.EventId);
        if (previous == notification.EventId)
        {
            return;
        }

        try
        {
            await SendAsync(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The deferral stands either way; a later deferral tries again.
            Interlocked.CompareExchange(ref _usageNotified, previous, notification.EventId);
            NotificationLog.NotComposed(logger, ex, notification.EventId);
        }
    }

    /// <summary>Hands <paramref name="notification"/> to every channel the rules pick.</summary>
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var channels = rules.ChannelsFor(notification);
        if (channels.Count == 0)
        {
            return;
        }

        NotificationLog.Queued(logger, notification.EventId, notification.Class.ToString(), string.Join(", ", channels));
        await outbox.EnqueueAsync([.. channels.Select(c => NotificationMessages.For(notification, c))], cancellationToken).ConfigureAwait(false);
    }
}
