using System.Security.Cryptography;

namespace StripeSf.Salesforce.Tests;

/// <summary>An RSA key pair made at run time: no private key is ever committed.</summary>
internal static class TestKeys
{
    private static readonly Lazy<(string Private, string Public)> Pair = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    });

    public static string PrivateKeyPem => Pair.Value.Private;

    public static string PublicKeyPem => Pair.Value.Public;
}
