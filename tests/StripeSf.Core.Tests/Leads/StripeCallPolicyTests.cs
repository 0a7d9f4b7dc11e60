using StripeSf.Core.Leads;

namespace StripeSf.Core.Tests.Leads;

public sealed class StripeCallPolicyTests
{
    private readonly StripeCallPolicy _policy = new(4, TimeSpan.FromMilliseconds(500));

    [Theory]
    [InlineData(429)]
    [InlineData(409)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(null)]
    public void Decide_TransientFailure_RetriesWithDoublingDelays_ThenDefers(int? status)
    {
        var delays = Enumerable.Range(1, 3).Select(attempt => _policy.Decide(status, null, "x", attempt)).ToArray();

        Assert.All(delays, d => Assert.Equal(StripeCallVerdict.Retry, d.Verdict));
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays.Select(d => d.Delay));
        var last = _policy.Decide(status, null, "x", 4);
        Assert.Equal(StripeCallVerdict.Defer, last.Verdict);
        // Only a rate limit stops the run: Stripe is asking for less traffic.
        Assert.Equal(status == 429, last.StopsRun);
    }

    [Fact]
    public void Decide_DelaysNeverExceedTheCap()
    {
        var policy = new StripeCallPolicy(10, TimeSpan.FromSeconds(1));

        Assert.Equal(StripeCallPolicy.MaxDelay, policy.Decide(429, null, "x", 9).Delay);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(402)]
    [InlineData(404)]
    public void Decide_OtherClientError_RefusesThatLead_AtOnce(int status)
    {
        var decision = _policy.Decide(status, null, "Invalid email address: a@b", 1);

        Assert.Equal(StripeCallVerdict.Refuse, decision.Verdict);
        Assert.Equal($"Stripe {status}: Invalid email address: a@b", decision.Reason);
    }

    [Fact]
    public void Decide_StripeShouldRetryHeader_OverridesTheStatus()
    {
        Assert.Equal(StripeCallVerdict.Retry, _policy.Decide(400, "true", "lock timeout", 1).Verdict);
        Assert.Equal(StripeCallVerdict.Defer, _policy.Decide(503, "false", "replayed", 1).Verdict);
        Assert.Equal(StripeCallVerdict.Defer, _policy.Decide(429, "false", "slow down", 1).Verdict);
        Assert.True(_policy.Decide(429, "false", "slow down", 1).StopsRun);
        Assert.Equal(StripeCallVerdict.Refuse, _policy.Decide(400, "false", "bad", 1).Verdict);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public void Decide_KeyRefused_FailsTheRunNamingTheSettingAndThePermission(int status)
    {
        var decision = _policy.Decide(status, "true", "The provided key does not have the required permissions", 1);

        Assert.Equal(StripeCallVerdict.Fail, decision.Verdict);
        Assert.Contains("Stripe__ApiKey", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("Customers → Write", decision.Reason, StringComparison.Ordinal);
    }
}
