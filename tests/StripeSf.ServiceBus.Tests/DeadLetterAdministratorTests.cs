using Azure.Messaging.ServiceBus;
using NSubstitute;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;
using StripeSf.ServiceBus;

namespace StripeSf.ServiceBus.Tests;

public sealed class DeadLetterAdministratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusReceiver _receiver = Substitute.For<ServiceBusReceiver>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();

    public DeadLetterAdministratorTests()
    {
        _client.CreateReceiver("invoice.payment_failed", Arg.Is<ServiceBusReceiverOptions>(o => o.SubQueue == SubQueue.DeadLetter)).Returns(_receiver);
        _client.CreateSender("invoice.payment_failed").Returns(_sender);
    }

    [Fact]
    public async Task Summarize_Queue_CountsOldestAndTopReasons()
    {
        _receiver.PeekMessagesAsync(100, null, Arg.Any<CancellationToken>()).Returns(Batch(
            DeadLetter("evt_1", 1, "SalesforceRejected", "INVALID_FIELD MRR__c", Now.AddHours(-5)),
            DeadLetter("evt_2", 2, "SalesforceRejected", "INVALID_FIELD MRR__c", Now.AddHours(-1)),
            DeadLetter("evt_3", 3, "RetriesExhausted", "503 for 27 h", Now.AddHours(-30))));
        _receiver.PeekMessagesAsync(100, 4, Arg.Any<CancellationToken>()).Returns(Batch());

        var summary = Assert.Single(await Administrator().SummarizeAsync("invoice.payment_failed", CancellationToken.None));

        Assert.Equal(3, summary.Count);
        Assert.False(summary.CountIsCapped);
        Assert.Equal(Now.AddHours(-30), summary.OldestEnqueuedAt);
        Assert.Equal("SalesforceRejected", summary.TopReasons[0].Reason);
        Assert.Equal(2, summary.TopReasons[0].Count);
        Assert.Equal("INVALID_FIELD MRR__c", summary.TopReasons[0].ExampleDescription);
        Assert.Equal("RetriesExhausted", summary.TopReasons[1].Reason);
    }

    [Fact]
    public async Task Summarize_UnroutedQueue_RejectsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Administrator().SummarizeAsync("product.created", CancellationToken.None));

        Assert.Contains("'product.created' is not a routed event type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MovesMessagesBackWithNewIdsAndKeepsTheEventId()
    {
        var first = DeadLetter("evt_1A", 1, "SalesforceRejected", "x", Now);
        var second = DeadLetter("evt_1B:attempt-4", 2, "RetriesExhausted", "y", Now, originalId: "evt_1B", replayCount: 1);
        _receiver.ReceiveMessagesAsync(5, Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns(Batch(first, second));
        _receiver.ReceiveMessagesAsync(3, Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns(Batch());
        var sent = new List<ServiceBusMessage>();
        await _sender.SendMessageAsync(Arg.Do<ServiceBusMessage>(sent.Add), Arg.Any<CancellationToken>());

        var replayed = await Administrator().ReplayAsync("invoice.payment_failed", 5, CancellationToken.None);

        Assert.Equal(["evt_1A", "evt_1B"], replayed);
        Assert.Equal(["evt_1A:replay-1", "evt_1B:replay-2"], sent.Select(m => m.MessageId));
        Assert.All(sent, m => Assert.Equal(1, m.ApplicationProperties[MessageProperties.Attempt]));
        Assert.Equal("evt_1B", sent[1].ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal(2, sent[1].ApplicationProperties[MessageProperties.ReplayCount]);
        await _receiver.Received(1).CompleteMessageAsync(first, Arg.Any<CancellationToken>());
        await _receiver.Received(1).CompleteMessageAsync(second, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Replay_WhenSendFails_LeavesTheDeadLetterInPlace()
    {
        var message = DeadLetter("evt_1C", 1, "SalesforceRejected", "x", Now);
        _receiver.ReceiveMessagesAsync(1, Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns(Batch(message));
        _sender.SendMessageAsync(default!, default).ReturnsForAnyArgs(Task.FromException(new ServiceBusException("down", ServiceBusFailureReason.ServiceBusy)));

        await Assert.ThrowsAsync<ServiceBusException>(() => Administrator().ReplayAsync("invoice.payment_failed", 1, CancellationToken.None));

        await _receiver.DidNotReceiveWithAnyArgs().CompleteMessageAsync(default!, default);
    }

    private DeadLetterAdministrator Administrator() => new(_client, new ServiceBusEventPublisher(_client), RoutingTable.Default);

    private static IReadOnlyList<ServiceBusReceivedMessage> Batch(params ServiceBusReceivedMessage[] messages) => messages;

    private static ServiceBusReceivedMessage DeadLetter(string messageId, long sequence, string reason, string description, DateTimeOffset enqueued, string? originalId = null, int? replayCount = null)
    {
        var properties = new Dictionary<string, object>
        {
            ["DeadLetterReason"] = reason,
            ["DeadLetterErrorDescription"] = description,
        };
        if (originalId is not null)
        {
            properties[MessageProperties.OriginalMessageId] = originalId;
        }

        if (replayCount is not null)
        {
            properties[MessageProperties.ReplayCount] = replayCount.Value;
        }

        return ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"), messageId: messageId, subject: "invoice.payment_failed",
            properties: properties, sequenceNumber: sequence, enqueuedTime: enqueued);
    }
}
