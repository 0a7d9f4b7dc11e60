using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Processing;

public sealed class RetryPolicyTests
{
    [Fact]
    public void AfterTransientFailure_AcrossAttempts_BacksOffLongEnoughToOutlastAMaintenanceWindow()
    {
        var policy = new RetryPolicy(new Random(1));
        var delays = Enumerable.Range(1, RetryPolicy.MaxAttempts - 1)
            .Select(attempt => Assert.IsType<ProcessingOutcome.RetryLater>(policy.AfterTransientFailure(attempt, "503")).Delay)
            .ToList();

        Assert.True(delays.First() < TimeSpan.FromMinutes(1));
        Assert.True(delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) > TimeSpan.FromHours(20));
        Assert.Equal(delays.OrderBy(d => d), delays);
    }

    [Fact]
    public void AfterTransientFailure_OnLastAttempt_DeadLettersAsRetriesExhausted()
    {
        var outcome = new RetryPolicy().AfterTransientFailure(RetryPolicy.MaxAttempts, "SERVER_UNAVAILABLE");

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.RetriesExhausted, deadLetter.Reason);
        Assert.Contains("SERVER_UNAVAILABLE", deadLetter.Description, StringComparison.Ordinal);
    }
}
