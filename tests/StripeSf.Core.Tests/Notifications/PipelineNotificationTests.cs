using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows;
using StripeSf.Core.Mapping;
using StripeSf.Core.Matching;
using StripeSf.Core.Messaging;
using StripeSf.Core.Notifications;
using StripeSf.Core.Processing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Core.Tests.Notifications;

/// <summary>Where the pipeline hands notifications over: after a write, a dead letter, an API-budget deferral, a reconciliation with discrepancies.</summary>
public sealed class PipelineNotificationTests
{
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();
    private readonly ISalesforceApiBudget _budget = Substitute.For<ISalesforceApiBudget>();
    private readonly CapturingOutbox _outbox = new();

    private static readonly NotificationOptions Channels = new()
    {
        Slack = { WebhookUrl = "https://hooks.example/T/B/X" },
        Teams = { WebhookUrl = "https://teams.example/workflows/1" },
        Rules =
        [
            new NotificationRule { Event = NotificationClass.PaymentFailed },
            new NotificationRule { Event = NotificationClass.EventDeadLettered, Channels = [NotificationChannelKind.Teams] },
            new NotificationRule { Event = NotificationClass.ApiUsageAboveThreshold, Channels = [NotificationChannelKind.Slack] },
            new NotificationRule { Event = NotificationClass.ReconciliationDiscrepancy, Channels = [NotificationChannelKind.Slack] },
        ],
    };

    [Fact]
    public async Task Process_WrittenPaymentFailed_HandsOneMessagePerChannel_IdByEventAndChannel()
    {
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 200, new JsonObject { ["id"] = "001A" })]));

        var outcome = await Processor().ProcessAsync(Message(NotificationEvents.PaymentFailed()), CancellationToken.None);

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        Assert.Equal(["evt_NotifyFail:slack", "evt_NotifyFail:teams"], _outbox.Messages.Select(m => m.MessageId));
        Assert.All(_outbox.Messages, m => Assert.Equal(NotificationMessages.Subject, m.Subject));
    }

    [Fact]
    public async Task Process_TransientFailure_NotifiesNobodyYet()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new SalesforceApiException(SalesforceFailureKind.Transient, 503, [], "unavailable"));

        var outcome = await Processor().ProcessAsync(Message(NotificationEvents.PaymentFailed()), CancellationToken.None);

        Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
        Assert.Empty(_outbox.Messages);
    }

    [Fact]
    public async Task Process_DeadLettered_TellsTheChannelsOfTheDeadLetterRule()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new SalesforceApiException(
            SalesforceFailureKind.Permanent, 400, [new SalesforceError("INVALID_FIELD", "No such column 'MRR__c'", [])], "bad field"));

        await Processor().ProcessAsync(Message(NotificationEvents.PaymentFailed()), CancellationToken.None);

        var message = Assert.Single(_outbox.Messages);
        Assert.Equal("evt_NotifyFail:teams", message.MessageId);
        var notification = JsonDocument.Parse(message.Body).RootElement;
        Assert.Equal("EventDeadLettered", notification.GetProperty("class").GetString());
        Assert.Contains("SalesforceRejected", notification.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("bad field", notification.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DeferredForApiBudget_NotifiesOncePerDay()
    {
        _budget.IsAboveThreshold.Returns(true);
        _budget.Current.Returns(new ApiUsage(92_000, 100_000, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        var processor = Processor(urgent: "charge.dispute.created");

        await processor.ProcessAsync(Message(NotificationEvents.PaymentFailed("evt_Deferred1")), CancellationToken.None);
        await processor.ProcessAsync(Message(NotificationEvents.PaymentFailed("evt_Deferred2")), CancellationToken.None);

        var message = Assert.Single(_outbox.Messages);
        Assert.Equal("salesforce-api-usage-2026-12-01:slack", message.MessageId);
        Assert.Contains("92,000 of 100,000", JsonDocument.Parse(message.Body).RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_OutboxCannotEnqueue_Throws_SoTheEventIsRetried()
    {
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 200, null)]));
        _outbox.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Processor().ProcessAsync(Message(NotificationEvents.PaymentFailed()), CancellationToken.None));
    }

    [Fact]
    public async Task Reconciliation_WithDiscrepancies_NotifiesWithCountsPerClass()
    {
        var window = ReconciliationWindow.EndingBefore(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero), 1);
        var missing = new ReconciledObject("ch_Missing", ReconciledObjectType.Charge, 25m, "usd", "succeeded", null);
        var report = new ReconciliationReport(window, 40, [new Discrepancy(DiscrepancyKind.Missing, missing, null)], new Dictionary<string, decimal>(), new Dictionary<string, decimal>());

        await Notifier().AfterReconciliationAsync(report, CancellationToken.None);
        await Notifier().AfterReconciliationAsync(report with { Discrepancies = [] }, CancellationToken.None);

        var message = Assert.Single(_outbox.Messages);
        Assert.Equal($"reconciliation-{window.RunKey}:slack", message.MessageId);
        var notification = JsonDocument.Parse(message.Body).RootElement;
        Assert.Equal($"Reconciliation {window.RunKey}: 1 discrepancies, 1 unresolved", notification.GetProperty("title").GetString());
        Assert.Contains(notification.GetProperty("fields").EnumerateArray(), f => f.GetProperty("label").GetString() == "Missing" && f.GetProperty("value").GetString() == "1 (25.00)");
    }

    private EventNotifier Notifier() => new(
        new NotificationComposer(Options.Create(Channels), Options.Create(new SalesforceMappingOptions())),
        new NotificationRules(Options.Create(Channels)), _outbox, NullLogger<EventNotifier>.Instance);

    private EventProcessor Processor(string urgent = "invoice.payment_failed")
    {
        var rows = Core.Routing.RoutingTable.Default.EventTypes.Select(t => t == "invoice.payment_failed"
            ? new EventFlow(t, FlowFamily.Invoices, _ => new CompositePlanBuilder().Upsert("account", "Account", "Stripe_Customer_Id__c", "cus_Notify", new JsonObject()).Build())
            : new EventFlow(t, FlowFamily.Customers, _ => Core.Planning.WritePlan.Empty));
        return new EventProcessor(new FlowTable(rows, Core.Routing.RoutingTable.Default), _salesforce, new InMemoryPayloadStore(), new RetryPolicy(new Random(7)),
            new ExistingContactMatcher(Options.Create(new SalesforceMappingOptions { MatchContactsByEmail = false })),
            new SubscriptionTiersCompleter(NullLogger<SubscriptionTiersCompleter>.Instance), _budget, Notifier(),
            Options.Create(new ProcessingOptions { UrgentEventTypes = urgent }), TimeProvider.System, NullLogger<EventProcessor>.Instance);
    }

    private static InboundMessage Message(JsonObject envelope) => new((string)envelope["id"]!, (string)envelope["type"]!,
        JsonSerializer.SerializeToUtf8Bytes(envelope), new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });

    private sealed class CapturingOutbox : INotificationOutbox
    {
        private readonly ConcurrentQueue<OutboundMessage> _messages = new();

        public bool Fail { get; set; }

        public IReadOnlyList<OutboundMessage> Messages => [.. _messages];

        public Task EnqueueAsync(IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new InvalidOperationException("Service Bus unavailable");
            }

            foreach (var message in messages)
            {
                _messages.Enqueue(message);
            }

            return Task.CompletedTask;
        }
    }
}
