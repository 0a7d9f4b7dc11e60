namespace StripeSf.Core.Leads;

/// <summary>The <see cref="StripeCallPolicy"/>'s answer: the verdict, the delay before a retry, the reason, and whether the run should stop (rate limited).</summary>
public sealed record StripeCallDecision(StripeCallVerdict Verdict, TimeSpan Delay, string Reason, bool StopsRun = false);
