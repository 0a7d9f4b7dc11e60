namespace StripeSf.Core.Notifications;

/// <summary>Email over SMTP: <c>Notifications__Email__SmtpHost</c>, <c>__SmtpPort</c>, <c>__UseTls</c>, <c>__From</c>, <c>__To</c>, <c>__Username</c>, <c>__Password</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>The SMTP server.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>Its port: 587 (STARTTLS) by default, 465 for TLS on connect.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>Require TLS (STARTTLS, or TLS on connect on port 465). Turn off only for a local relay.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The sender address.</summary>
    public string? From { get; set; }

    /// <summary>Recipients, separated by commas or semicolons.</summary>
    public string? To { get; set; }

    /// <summary>SMTP user name (none: no authentication).</summary>
    public string? Username { get; set; }

    /// <summary>SMTP password (a secret: Key Vault in Azure, never logged).</summary>
    public string? Password { get; set; }

    /// <summary>True when a host is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>The recipients, parsed.</summary>
    public IReadOnlyList<string> Recipients =>
        (To ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
