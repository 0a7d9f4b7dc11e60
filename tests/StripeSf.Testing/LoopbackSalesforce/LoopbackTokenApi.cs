using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// /services/oauth2/token for the JWT bearer and client-credentials grants; answers like Salesforce
/// (access_token, instance_url, id, token_type, issued_at as a string of epoch millis; no expiry).
/// </summary>
internal sealed class LoopbackTokenApi(LoopbackOrg org)
{
    public string? LastAssertion { get; private set; }

    public JsonObject? Handle(IReadOnlyDictionary<string, string> form, string baseUrl, out string? error)
    {
        error = null;
        var grant = form.GetValueOrDefault("grant_type");
        if (grant == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            LastAssertion = form.GetValueOrDefault("assertion");
            error = CheckAssertion(LastAssertion, baseUrl);
        }
        else if (grant == "client_credentials")
        {
            if ((org.Options.ClientId is { } id && form.GetValueOrDefault("client_id") != id)
                || (org.Options.ClientSecret is { } secret && form.GetValueOrDefault("client_secret") != secret))
            {
                error = "invalid_client|invalid client credentials";
            }
        }
        else
        {
            error = "unsupported_grant_type|grant type not supported";
        }

        if (error is not null)
        {
            return null;
        }

        var token = "00DLB0000000001!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
        org.Tokens[token] = true;
        return new JsonObject
        {
            ["access_token"] = token,
            ["scope"] = "api",
            ["instance_url"] = baseUrl,
            ["id"] = $"{baseUrl}/id/00DLB0000000001AAA/{LoopbackWriter.DefaultOwnerId}",
            ["token_type"] = "Bearer",
            ["issued_at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["signature"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
    }

    private string? CheckAssertion(string? assertion, string baseUrl)
    {
        var parts = assertion?.Split('.') ?? [];
        if (parts.Length != 3)
        {
            return "invalid_grant|invalid assertion";
        }

        JsonNode? claims;
        try
        {
            claims = JsonNode.Parse(Base64UrlDecode(parts[1]));
        }
        catch (FormatException)
        {
            return "invalid_grant|invalid assertion";
        }

        if (org.Options.JwtPublicKeyPem is { } pem)
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            if (!rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64UrlDecode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return "invalid_grant|invalid assertion";
            }
        }

        if (claims?["aud"]?.GetValue<string>() != baseUrl)
        {
            return "invalid_grant|audience is invalid";
        }

        if (org.Options.ClientId is { } id && claims?["iss"]?.GetValue<string>() != id)
        {
            return "invalid_client_id|client identifier invalid";
        }

        var exp = claims?["exp"]?.GetValue<long>() ?? 0;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return exp < now || exp > now + 300 ? "invalid_grant|expired authorization code" : null;
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
