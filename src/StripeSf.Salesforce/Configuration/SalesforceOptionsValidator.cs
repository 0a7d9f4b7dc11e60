using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace StripeSf.Salesforce.Configuration;

/// <summary>
/// Checks <see cref="SalesforceOptions"/> and names the app setting to fix in every message, so an
/// operator reading a start-up failure or <c>stripesf doctor</c> knows exactly what to change.
/// </summary>
public sealed class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Returns one message per problem; empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string prefix = SalesforceOptions.SectionName + "__";

        if (!Uri.TryCreate(options.LoginUrl, UriKind.Absolute, out var login))
        {
            problems.Add($"{prefix}LoginUrl must be an absolute URL such as https://login.salesforce.com, https://test.salesforce.com or https://yourdomain.my.salesforce.com");
        }
        else if (login.Scheme != Uri.UriSchemeHttps && !(login.Scheme == Uri.UriSchemeHttp && IsLoopback(login)))
        {
            // Tokens and the private-key assertion travel on this URL; plain http is only tolerable on this machine.
            problems.Add($"{prefix}LoginUrl must use https (http is accepted only for loopback hosts such as 127.0.0.1)");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{prefix}ClientId is required: the consumer key of the connected app");
        }

        var hasUser = !string.IsNullOrWhiteSpace(options.Username);
        var hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey);
        if (hasKey && !hasUser)
        {
            problems.Add($"{prefix}Username is required with {prefix}PrivateKey: the integration user the JWT bearer flow signs in as");
        }
        else if (hasUser && !hasKey && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add($"{prefix}PrivateKey is required with {prefix}Username: the PEM RSA key whose certificate is uploaded to the connected app");
        }
        else if (!hasUser && !hasKey && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            problems.Add($"Set {prefix}Username and {prefix}PrivateKey (JWT bearer flow) or {prefix}ClientSecret (client-credentials flow)");
        }

        if (hasKey && !IsRsaPem(options.PrivateKey!))
        {
            problems.Add($"{prefix}PrivateKey is not a PEM RSA private key (expected the PEM text of a PKCS#8 or PKCS#1 RSA key, starting with a BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY line)");
        }

        if (!decimal.TryParse(options.ApiVersion, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version)
            || version < 46m || !options.ApiVersion.Contains('.', StringComparison.Ordinal))
        {
            // 46.0 is the first version whose upsert answers 200 created:false, which the client relies on.
            problems.Add($"{prefix}ApiVersion must be a version such as 68.0 (46.0 or later, without the leading v)");
        }

        if (options.LimitThresholdPercent is < 1 or > 100)
        {
            problems.Add($"{prefix}LimitThresholdPercent must be between 1 and 100");
        }

        return problems;
    }

    /// <summary>True for hosts that never leave this machine.</summary>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsRsaPem(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(PemText.Normalize(pem));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
