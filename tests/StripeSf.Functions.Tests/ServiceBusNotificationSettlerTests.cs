using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Notifications;
using StripeSf.Core.Settlement;
using StripeSf.Functions.Hosting;
using StripeSf.Functions.Messaging;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Tests;

/// <summary>The notification queue's trigger settles through the shared policy; the Functions app enqueues rather than posts.</summary>
public sealed class ServiceBusNotificationSettlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly ServiceBusMessageActions _actions = Substitute.For<ServiceBusMessageActions>();
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly INotificationChannel _slack = Substitute.For<INotificationChannel>();

    public ServiceBusNotificationSettlerTests()
    {
        _client.CreateSender(QueueSettings.NotificationQueue).Returns(_sender);
        _slack.Kind.Returns(NotificationChannelKind.Slack);
    }

    private static readonly Notification Sample = new()
    {
        EventId = "evt_Queue", Class = NotificationClass.PaymentFailed, EventType = "invoice.payment_failed", Title = "Payment failed", Summary = "s",
    };

    [Fact]
    public async Task Settle_Sent_CompletesTheMessage()
    {
        var message = Received(NotificationMessages.For(Sample, NotificationChannelKind.Slack));

        await Settler().SettleAsync(message, _actions, CancellationToken.None);

        await _slack.Received(1).SendAsync(Arg.Is<Notification>(n => n.EventId == "evt_Queue"), Arg.Any<CancellationToken>());
        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Settle_429_SchedulesACopyOnTheNotificationQueueAfterRetryAfter()
    {
        _slack.SendAsync(default!, default).ReturnsForAnyArgs<Task>(_ => throw new NotificationDeliveryException("Slack webhook answered 429", transient: true, TimeSpan.FromSeconds(90)));
        var message = Received(NotificationMessages.For(Sample, NotificationChannelKind.Slack));
        ServiceBusMessage? scheduled = null;
        await _sender.SendMessageAsync(Arg.Do<ServiceBusMessage>(m => scheduled = m), Arg.Any<CancellationToken>());

        await Settler().SettleAsync(message, _actions, CancellationToken.None);

        Assert.NotNull(scheduled);
        Assert.Equal("evt_Queue:slack:attempt-2", scheduled.MessageId);
        Assert.Equal(Now.AddSeconds(90), scheduled.ScheduledEnqueueTime);
        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Settle_Refused_DeadLettersWithTheReason()
    {
        _slack.SendAsync(default!, default).ReturnsForAnyArgs<Task>(_ => throw new NotificationDeliveryException("Slack webhook answered 404 Not Found: no_service"));
        var message = Received(NotificationMessages.For(Sample, NotificationChannelKind.Slack));

        await Settler().SettleAsync(message, _actions, CancellationToken.None);

        await _actions.Received(1).DeadLetterMessageAsync(message, null, NotificationDeadLetterReasons.Rejected,
            Arg.Is<string>(d => d.Contains("no_service", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task FunctionsApp_EnqueuesNotificationsOnTheirQueue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceBus:fullyQualifiedNamespace"] = "sb.example.servicebus.windows.net" }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();

        // In FunctionsApp's order: the Core default (in-process) first, then the Service Bus registrations.
        services.AddStripeEventProcessing();
        services.AddServiceBusQueues(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<QueueNotificationOutbox>(provider.GetRequiredService<INotificationOutbox>());
    }

    private ServiceBusNotificationSettler Settler()
    {
        var options = Options.Create(new NotificationOptions { Slack = { WebhookUrl = "https://hooks.example/T/B/X" } });
        var deliverer = new NotificationDeliverer([_slack], new NotificationRetryPolicy(options), options, NullLogger<NotificationDeliverer>.Instance);
        var dispatcher = new NotificationDispatcher(deliverer, SettlementPolicy.Default, new FakeTimeProvider(Now), NullLogger<NotificationDispatcher>.Instance);
        return new ServiceBusNotificationSettler(dispatcher, new ServiceBusEventPublisher(_client));
    }

    private static ServiceBusReceivedMessage Received(OutboundMessage message) => ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: BinaryData.FromBytes(message.Body),
        messageId: message.MessageId,
        subject: message.Subject,
        properties: message.ApplicationProperties.ToDictionary(p => p.Key, p => p.Value),
        deliveryCount: 1);
}
