namespace StripeSf.Core.Ingress;

/// <summary>The result of checking a Stripe-Signature header: valid, or the state and reason it is not.</summary>
public sealed record SignatureCheck(bool IsValid, IngressStatus FailureStatus, string Reason)
{
    /// <summary>The signature matches a configured secret and its timestamp is within tolerance.</summary>
    public static SignatureCheck Valid { get; } = new(true, IngressStatus.Accepted, "");

    /// <summary>A failed check.</summary>
    public static SignatureCheck Fail(IngressStatus status, string reason) => new(false, status, reason);
}
