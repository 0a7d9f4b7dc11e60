namespace StripeSf.Core.Leads;

/// <summary>A Stripe call of the Lead sync that will not succeed in this run; <see cref="Decision"/> says why and what it means.</summary>
public sealed class StripeCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StripeCallException(StripeCallDecision decision, Exception? inner = null)
        : base(decision?.Reason, inner) => Decision = decision ?? throw new ArgumentNullException(nameof(decision));

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public StripeCallException() : this(new StripeCallDecision(StripeCallVerdict.Defer, TimeSpan.Zero, "unknown"))
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public StripeCallException(string message) : this(new StripeCallDecision(StripeCallVerdict.Defer, TimeSpan.Zero, message))
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public StripeCallException(string message, Exception inner) : this(new StripeCallDecision(StripeCallVerdict.Defer, TimeSpan.Zero, message), inner)
    {
    }

    /// <summary>The policy's decision.</summary>
    public StripeCallDecision Decision { get; }
}
