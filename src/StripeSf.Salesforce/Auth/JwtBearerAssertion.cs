using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StripeSf.Salesforce.Configuration;

namespace StripeSf.Salesforce.Auth;

/// <summary>Builds the RS256-signed assertion of the OAuth 2.0 JWT bearer flow.</summary>
public static class JwtBearerAssertion
{
    /// <summary>Salesforce accepts at most a few minutes of validity; keep it short so a leaked assertion dies fast.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Returns <c>header.claims.signature</c> with <c>iss</c> = consumer key, <c>sub</c> = username,
    /// <c>aud</c> = login URL (no trailing slash) and <c>exp</c> = now + <see cref="Lifetime"/>.
    /// </summary>
    public static string Create(string clientId, string username, string audience, string privateKeyPem, DateTimeOffset now)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256" }));
        var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = username,
            ["aud"] = audience.TrimEnd('/'),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
        }));

        var signingInput = $"{header}.{claims}";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(PemText.Normalize(privateKeyPem));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
