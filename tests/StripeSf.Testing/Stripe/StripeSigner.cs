using System.Globalization;
using System.Text;
using Stripe;

namespace StripeSf.Testing.Stripe;

/// <summary>Signs payloads the way Stripe does (Stripe.net's own <see cref="EventUtility.ComputeSignature"/>).</summary>
public static class StripeSigner
{
    /// <summary>A test signing secret.</summary>
    public const string Secret = "whsec_test_primary_0123456789abcdef";

    /// <summary>The Stripe-Signature header for <paramref name="payload"/> signed at <paramref name="signedAt"/>.</summary>
    public static string Header(byte[] payload, DateTimeOffset signedAt, string secret = Secret)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = EventUtility.ComputeSignature(secret, timestamp, Encoding.UTF8.GetString(payload));
        return $"t={timestamp},v1={signature}";
    }
}
