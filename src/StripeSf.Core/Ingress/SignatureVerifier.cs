using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Stripe;

namespace StripeSf.Core.Ingress;

/// <summary>
/// Verifies the Stripe-Signature header over the raw request bytes with Stripe.net's
/// <see cref="EventUtility"/>, against every configured secret (rotation), with time from an
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignatureVerifier(IOptions<WebhookOptions> options, TimeProvider time)
{
    // Stripe signs the exact bytes it sent; decoding must fail on invalid UTF-8 rather than
    // substitute characters, or a tampered body could be "repaired" into a valid-looking one.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Checks <paramref name="signatureHeader"/> against <paramref name="rawBody"/>.</summary>
    public SignatureCheck Verify(ReadOnlyMemory<byte> rawBody, string? signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return SignatureCheck.Fail(IngressStatus.BadSignature, "missing Stripe-Signature header");
        }

        if (!TryReadTimestamp(signatureHeader, out var signedAt) || !signatureHeader.Contains("v1=", StringComparison.Ordinal))
        {
            return SignatureCheck.Fail(IngressStatus.BadSignature, "malformed Stripe-Signature header: expected t=<unix time>,v1=<signature>");
        }

        string payload;
        try
        {
            payload = StrictUtf8.GetString(rawBody.Span);
        }
        catch (DecoderFallbackException)
        {
            return SignatureCheck.Fail(IngressStatus.BadSignature, "body is not valid UTF-8, so it cannot be what Stripe signed");
        }

        if (!MatchesAnySecret(payload, signatureHeader, signedAt))
        {
            return SignatureCheck.Fail(IngressStatus.BadSignature,
                "no v1 signature in the Stripe-Signature header matches any configured webhook secret (Stripe__WebhookSecrets)");
        }

        var tolerance = options.Value.SignatureToleranceSeconds;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (signedAt < now - tolerance)
        {
            return SignatureCheck.Fail(IngressStatus.StaleTimestamp,
                $"signature timestamp is {now - signedAt} s old, beyond the {tolerance} s tolerance (a replayed request, or a clock out of sync)");
        }

        if (signedAt > now + tolerance)
        {
            return SignatureCheck.Fail(IngressStatus.FutureTimestamp,
                $"signature timestamp is {signedAt - now} s in the future, beyond the {tolerance} s tolerance (check this host's clock)");
        }

        return SignatureCheck.Valid;
    }

    private bool MatchesAnySecret(string payload, string header, long signedAt)
    {
        foreach (var secret in options.Value.Secrets)
        {
            try
            {
                // The timestamp window is checked separately (to tell stale from future), so
                // Stripe.net compares the HMAC "at" the signed time; the HMAC check is all its own.
                EventUtility.ValidateSignature(payload, header, secret, tolerance: 0, utcNow: signedAt);
                return true;
            }
            catch (StripeException)
            {
            }
        }

        return false;
    }

    private static bool TryReadTimestamp(string header, out long signedAt)
    {
        signedAt = 0;
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (item.StartsWith("t=", StringComparison.Ordinal))
            {
                return long.TryParse(item.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out signedAt);
            }
        }

        return false;
    }
}
