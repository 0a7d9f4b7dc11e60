using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using NSubstitute;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Settlement;
using StripeSf.Functions.Messaging;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Tests;

/// <summary>Each settlement action becomes the right Service Bus calls, in the right order.</summary>
public sealed class ServiceBusMessageSettlementTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 12, 2, 0, TimeSpan.Zero);
    private readonly ServiceBusMessageActions _actions = Substitute.For<ServiceBusMessageActions>();
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly ServiceBusReceivedMessage _message = ServiceBusModelFactory.ServiceBusReceivedMessage(
        body: BinaryData.FromString("{}"), messageId: "evt_1Adapter", subject: "invoice.paid", deliveryCount: 1);

    public ServiceBusMessageSettlementTests() => _client.CreateSender("invoice.paid").Returns(_sender);

    [Fact]
    public async Task Complete_CompletesTheMessage()
    {
        await ExecuteAsync(new SettlementAction.Complete(CompletionKind.Written, "written"));

        await _actions.Received(1).CompleteMessageAsync(_message, Arg.Any<CancellationToken>());
        Assert.Single(_actions.ReceivedCalls());
        Assert.Empty(_sender.ReceivedCalls());
    }

    [Fact]
    public async Task ScheduleCopy_SendsTheCopyForItsTimeOnTheSameQueueBeforeCompleting()
    {
        var copy = new OutboundMessage("evt_1Adapter:attempt-2", "invoice.paid", "{}"u8.ToArray(),
            new Dictionary<string, object> { [MessageProperties.Attempt] = 2, [MessageProperties.OriginalMessageId] = "evt_1Adapter" }, At);
        ServiceBusMessage? sent = null;
        await _sender.SendMessageAsync(Arg.Do<ServiceBusMessage>(m => sent = m), Arg.Any<CancellationToken>());

        await ExecuteAsync(new SettlementAction.ScheduleCopy(copy, At));

        Received.InOrder(() =>
        {
            _sender.SendMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<CancellationToken>());
            _actions.CompleteMessageAsync(_message, Arg.Any<CancellationToken>());
        });
        Assert.NotNull(sent);
        Assert.Equal("evt_1Adapter:attempt-2", sent.MessageId);
        Assert.Equal(At, sent.ScheduledEnqueueTime);
        Assert.Equal(2, sent.ApplicationProperties[MessageProperties.Attempt]);
        Assert.Single(_actions.ReceivedCalls());
    }

    [Fact]
    public async Task ScheduleCopy_SendFails_DoesNotComplete()
    {
        _sender.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromException(new ServiceBusException("down", ServiceBusFailureReason.ServiceBusy)));
        var copy = new OutboundMessage("evt_1Adapter:attempt-2", "invoice.paid", "{}"u8.ToArray(), new Dictionary<string, object>(), At);

        await Assert.ThrowsAsync<ServiceBusException>(() => ExecuteAsync(new SettlementAction.ScheduleCopy(copy, At)));

        Assert.Empty(_actions.ReceivedCalls());
    }

    [Fact]
    public async Task DeadLetter_DeadLettersWithTheReasonAndDescription()
    {
        await ExecuteAsync(new SettlementAction.DeadLetter(DeadLetterReasons.NoHandler, "no handler for invoice.paid"));

        await _actions.Received(1).DeadLetterMessageAsync(_message, null, DeadLetterReasons.NoHandler, "no handler for invoice.paid", Arg.Any<CancellationToken>());
        Assert.Single(_actions.ReceivedCalls());
    }

    [Fact]
    public async Task Abandon_AbandonsWithoutModifyingProperties()
    {
        await ExecuteAsync(new SettlementAction.Abandon("System.InvalidOperationException: bug"));

        await _actions.Received(1).AbandonMessageAsync(_message, null, Arg.Any<CancellationToken>());
        Assert.Single(_actions.ReceivedCalls());
    }

    private Task ExecuteAsync(SettlementAction action) =>
        SettlementExecutor.ExecuteAsync(action, new ServiceBusMessageSettlement("invoice.paid", _message, _actions, new ServiceBusEventPublisher(_client)), CancellationToken.None);
}
