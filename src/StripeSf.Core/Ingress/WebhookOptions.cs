using System.ComponentModel.DataAnnotations;

namespace StripeSf.Core.Ingress;

/// <summary>Webhook ingress settings (<c>Stripe__*</c> app settings).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Stripe";

    /// <summary>
    /// One or more webhook signing secrets (<c>whsec_…</c>), comma-separated. Several are accepted at
    /// once so a secret can be rotated without downtime: add the new one, roll it in Stripe, remove the old.
    /// </summary>
    public string? WebhookSecrets { get; set; }

    /// <summary><c>live</c>, <c>test</c>, or empty to accept both.</summary>
    public string? ExpectedMode { get; set; }

    /// <summary>How far the signature timestamp may be from now, in seconds (Stripe's default is 300).</summary>
    [Range(1, 3600)]
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>Largest body accepted, in bytes; larger requests get 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Bodies above this size go to blob storage and the message carries a reference (claim check).</summary>
    [Range(1024, 240 * 1024)]
    public int ClaimCheckThresholdBytes { get; set; } = 192 * 1024;

    /// <summary>The secrets, split and trimmed.</summary>
    public IReadOnlyList<string> Secrets =>
        (WebhookSecrets ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when an event of the given mode is acceptable.</summary>
    public bool Accepts(bool livemode) => string.IsNullOrWhiteSpace(ExpectedMode)
        || (livemode ? "live" : "test").Equals(ExpectedMode.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secrets.Count == 0)
        {
            yield return new ValidationResult(
                "Stripe__WebhookSecrets is required: the endpoint's signing secret (whsec_…) from the Stripe dashboard; several may be comma-separated during rotation.",
                [nameof(WebhookSecrets)]);
        }

        if (!string.IsNullOrWhiteSpace(ExpectedMode) && ExpectedMode.Trim().ToLowerInvariant() is not ("live" or "test"))
        {
            yield return new ValidationResult(
                $"Stripe__ExpectedMode must be 'live', 'test' or empty (both), not '{ExpectedMode}'.",
                [nameof(ExpectedMode)]);
        }
    }
}
