using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Tests.Settlement;

/// <summary>The one mapping from how processing ended to what happens to the message, for every host.</summary>
public sealed class SettlementPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly SettlementPolicy _policy = new(maxDeliveryCount: 10);

    [Theory]
    [InlineData(CompletionKind.Written)]
    [InlineData(CompletionKind.SkippedStale)]
    [InlineData(CompletionKind.NothingToWrite)]
    public void Decide_Completed_CompletesWithTheKindAndDetail(CompletionKind kind)
    {
        var action = _policy.Decide(Message(), new ProcessingOutcome.Completed(kind, "detail"), Now);

        Assert.Equal(new SettlementAction.Complete(kind, "detail"), action);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(9, 10)]
    public void Decide_RetryLater_SchedulesTheNextAttemptsCopyAtNowPlusTheDelay(int attempt, int next)
    {
        var message = Message(attempt);

        var action = _policy.Decide(message, new ProcessingOutcome.RetryLater(TimeSpan.FromMinutes(2), "503"), Now);

        var schedule = Assert.IsType<SettlementAction.ScheduleCopy>(action);
        Assert.Equal(Now.AddMinutes(2), schedule.At);
        Assert.Equal(Now.AddMinutes(2), schedule.Copy.ScheduledEnqueueTime);
        Assert.Equal($"evt_1Policy:attempt-{next}", schedule.Copy.MessageId);
        Assert.Equal(next, schedule.Copy.ApplicationProperties[MessageProperties.Attempt]);
        Assert.Equal("evt_1Policy", schedule.Copy.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal(message.Subject, schedule.Copy.Subject);
        Assert.Equal(message.Body.ToArray(), schedule.Copy.Body.ToArray());
    }

    [Fact]
    public void Decide_DeferralThatIsNotAnAttempt_KeepsTheAttemptAndGetsAUniqueId()
    {
        var action = _policy.Decide(Message(3), new ProcessingOutcome.RetryLater(TimeSpan.FromMinutes(30), "API budget", CountsAsAttempt: false), Now);

        var schedule = Assert.IsType<SettlementAction.ScheduleCopy>(action);
        Assert.Equal(3, schedule.Copy.ApplicationProperties[MessageProperties.Attempt]);
        Assert.Equal($"evt_1Policy:attempt-3:deferred-{Now.AddMinutes(30).ToUnixTimeSeconds()}", schedule.Copy.MessageId);
    }

    [Fact]
    public void Decide_DeadLetter_DeadLettersWithTheReasonAndDescription()
    {
        var action = _policy.Decide(Message(), new ProcessingOutcome.DeadLetter(DeadLetterReasons.SalesforceRejected, "INVALID_FIELD on cus_1"), Now);

        Assert.Equal(new SettlementAction.DeadLetter(DeadLetterReasons.SalesforceRejected, "INVALID_FIELD on cus_1"), action);
    }

    [Theory]
    [InlineData(4096, 4096, false)]
    [InlineData(4097, 4096, true)]
    [InlineData(100_000, 4096, true)]
    public void Decide_LongDescription_IsCutToServiceBusLimitKeepingTheStart(int length, int expected, bool cut)
    {
        var description = "RetriesExhausted on evt_1Policy " + new string('x', length - 32);

        var action = Assert.IsType<SettlementAction.DeadLetter>(
            _policy.Decide(Message(), new ProcessingOutcome.DeadLetter(DeadLetterReasons.RetriesExhausted, description), Now));

        Assert.Equal(length, description.Length);
        Assert.Equal(expected, action.Description.Length);
        Assert.Equal(SettlementPolicy.MaxDescriptionLength, expected);
        Assert.StartsWith("RetriesExhausted on evt_1Policy", action.Description, StringComparison.Ordinal);
        Assert.Equal(cut, action.Description.EndsWith("...", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void Decide_ExceptionBeforeTheLastDelivery_Abandons(int deliveryCount)
    {
        var action = _policy.Decide(Message(deliveryCount: deliveryCount), new InvalidOperationException("bug"));

        Assert.Equal(new SettlementAction.Abandon("System.InvalidOperationException: bug"), action);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(11)]
    public void Decide_ExceptionOnTheLastDelivery_DeadLettersMaxDeliveryCountExceededWithTheException(int deliveryCount)
    {
        var action = _policy.Decide(Message(deliveryCount: deliveryCount), new InvalidOperationException("bug"));

        var deadLetter = Assert.IsType<SettlementAction.DeadLetter>(action);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, deadLetter.Reason);
        Assert.Equal($"unexpected exception on delivery {deliveryCount} of 10: System.InvalidOperationException: bug", deadLetter.Description);
    }

    [Fact]
    public void Decide_ExceptionWithAHugeMessage_IsCutToServiceBusLimit()
    {
        var action = _policy.Decide(Message(deliveryCount: 10), new InvalidOperationException(new string('m', 10_000)));

        var deadLetter = Assert.IsType<SettlementAction.DeadLetter>(action);
        Assert.Equal(SettlementPolicy.MaxDescriptionLength, deadLetter.Description.Length);
        Assert.StartsWith("unexpected exception on delivery 10 of 10: System.InvalidOperationException: mmm", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Exception_CountsDeliveriesNotAttempts()
    {
        // A scheduled retry is a new message: attempt 9, first delivery.
        var action = _policy.Decide(Message(attempt: 9, deliveryCount: 1), new InvalidOperationException("bug"));

        Assert.IsType<SettlementAction.Abandon>(action);
    }

    [Fact]
    public void Decide_Exception_FollowsTheConfiguredMaxDeliveryCount()
    {
        var policy = new SettlementPolicy(maxDeliveryCount: 3);

        Assert.IsType<SettlementAction.Abandon>(policy.Decide(Message(deliveryCount: 2), new TimeoutException("slow")));
        Assert.IsType<SettlementAction.DeadLetter>(policy.Decide(Message(deliveryCount: 3), new TimeoutException("slow")));
    }

    [Fact]
    public void Default_UsesTheShippedQueueSettings()
    {
        Assert.Equal(10, QueueSettings.Default.MaxDeliveryCount);
        Assert.Equal(QueueSettings.Default.MaxDeliveryCount, SettlementPolicy.Default.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromMinutes(5), QueueSettings.Default.LockDuration);
        Assert.Equal(TimeSpan.FromDays(14), QueueSettings.Default.DefaultMessageTimeToLive);
        Assert.Equal(TimeSpan.FromDays(7), QueueSettings.Default.DuplicateDetectionHistoryTimeWindow);
    }

    [Fact]
    public void QueueSettings_ZeroDeliveries_IsRejected()
    {
        using var json = new MemoryStream("""{"maxDeliveryCount":0,"lockDuration":"PT1M","defaultMessageTimeToLive":"P1D","duplicateDetectionHistoryTimeWindow":"P1D"}"""u8.ToArray());

        Assert.Throws<InvalidOperationException>(() => QueueSettings.Parse(json));
    }

    private static InboundMessage Message(int attempt = 1, int deliveryCount = 1)
    {
        var properties = new Dictionary<string, object> { [MessageProperties.Attempt] = attempt };
        if (attempt > 1)
        {
            properties[MessageProperties.OriginalMessageId] = "evt_1Policy";
        }

        return new InboundMessage(attempt > 1 ? $"evt_1Policy:attempt-{attempt}" : "evt_1Policy", "customer.updated", "{}"u8.ToArray(), properties, deliveryCount);
    }
}
