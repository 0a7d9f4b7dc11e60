using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Processing;

public sealed class RetryMessageFactoryTests
{
    [Fact]
    public void CopyForRetry_GivesANewMessageIdAndCountsTheAttempt()
    {
        var at = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var first = new InboundMessage("evt_1Retry", "invoice.paid", "{}"u8.ToArray(),
            new Dictionary<string, object> { [MessageProperties.ObjectId] = "in_1" });

        var second = RetryMessageFactory.CopyForRetry(first, at);
        var third = RetryMessageFactory.CopyForRetry(
            new InboundMessage(second.MessageId, second.Subject, second.Body, second.ApplicationProperties), at);

        Assert.Equal("evt_1Retry:attempt-2", second.MessageId);
        Assert.Equal("evt_1Retry:attempt-3", third.MessageId);
        Assert.Equal(3, third.ApplicationProperties[MessageProperties.Attempt]);
        Assert.Equal("evt_1Retry", third.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal("in_1", third.ApplicationProperties[MessageProperties.ObjectId]);
        Assert.Equal(at, third.ScheduledEnqueueTime);
        Assert.Equal("{}"u8.ToArray(), third.Body.ToArray());
    }
}
