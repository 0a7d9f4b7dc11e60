using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using StripeSf.Salesforce.Errors;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

public sealed class AuthTests(ITestOutputHelper output)
{
    [Fact]
    public async Task JwtBearer_FirstCall_SendsSignedAssertionWithSalesforceClaims()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        await h.Client.GetLimitsAsync(CancellationToken.None);

        var parts = h.Server.LastJwtAssertion!.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("RS256", JsonNode.Parse(Decode(parts[0]))!["alg"]!.GetValue<string>());
        using var rsa = RSA.Create();
        rsa.ImportFromPem(TestKeys.PublicKeyPem);
        Assert.True(rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var claims = JsonNode.Parse(Decode(parts[1]))!;
        Assert.Equal(SalesforceHarness.ClientId, claims["iss"]!.GetValue<string>());
        Assert.Equal(SalesforceHarness.Username, claims["sub"]!.GetValue<string>());
        Assert.Equal(h.Server.BaseUrl.ToString().TrimEnd('/'), claims["aud"]!.GetValue<string>());
        var exp = claims["exp"]!.GetValue<long>();
        Assert.InRange(exp, before + 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 180);
    }

    [Fact]
    public async Task SendAsync_TokenExpiresMidRun_ReMintsExactlyOnce()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        await h.Client.GetLimitsAsync(CancellationToken.None);
        await h.Client.GetLimitsAsync(CancellationToken.None);

        h.Server.ExpireTokens();
        for (var i = 0; i < 3; i++)
        {
            await h.Client.GetLimitsAsync(CancellationToken.None);
        }

        Assert.Equal(2, h.Server.Count(LoopbackApiCall.Token));
        Assert.Equal(6, h.Server.Count(LoopbackApiCall.Limits));
    }

    [Fact]
    public async Task SendAsync_SessionRefusedAfterReMint_ThrowsTransientWithoutLooping()
    {
        await using var h = await SalesforceHarness.StartAsync(output);
        h.Server.Faults.ExpiredTokenRate = 1;

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => h.Client.GetLimitsAsync(CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Transient, ex.Kind);
        Assert.Equal(401, ex.HttpStatusCode);
        Assert.Equal("INVALID_SESSION_ID", ex.Code);
        Assert.Equal(2, h.Server.Count(LoopbackApiCall.Token));
        Assert.Equal(2, h.Server.Count(LoopbackApiCall.Limits));
    }

    [Fact]
    public async Task ClientCredentials_CorrectSecret_Authenticates()
    {
        await using var h = await SalesforceHarness.StartAsync(
            output,
            o => o.ClientSecret = "s3cret",
            s => { s["Salesforce:Username"] = null; s["Salesforce:PrivateKey"] = null; s["Salesforce:ClientSecret"] = "s3cret"; });

        var instance = await h.Client.GetInstanceUrlAsync(CancellationToken.None);

        Assert.Equal(h.Server.BaseUrl, instance);
        Assert.Null(h.Server.LastJwtAssertion);
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_ThrowsPermanentNamingTheError()
    {
        await using var h = await SalesforceHarness.StartAsync(
            output,
            o => o.ClientSecret = "s3cret",
            s => { s["Salesforce:Username"] = null; s["Salesforce:PrivateKey"] = null; s["Salesforce:ClientSecret"] = "wrong"; });

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => h.Client.GetLimitsAsync(CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("invalid_client", ex.Code);
        Assert.Equal(0, h.Server.Count(LoopbackApiCall.Limits));
    }

    [Fact]
    public async Task JwtBearer_KeyNotMatchingConnectedApp_ThrowsPermanentInvalidGrant()
    {
        using var other = RSA.Create(2048);
        await using var h = await SalesforceHarness.StartAsync(output, o => o.JwtPublicKeyPem = other.ExportSubjectPublicKeyInfoPem());

        var ex = await Assert.ThrowsAsync<SalesforceApiException>(() => h.Client.GetLimitsAsync(CancellationToken.None));

        Assert.Equal(SalesforceFailureKind.Permanent, ex.Kind);
        Assert.Equal("invalid_grant", ex.Code);
    }

    [Fact]
    public async Task GetTokenAsync_ManyParallelFirstCalls_MintsOnce()
    {
        await using var h = await SalesforceHarness.StartAsync(output);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => h.Client.GetLimitsAsync(CancellationToken.None)));

        Assert.Equal(1, h.Server.Count(LoopbackApiCall.Token));
        Assert.Equal(16, h.Server.Count(LoopbackApiCall.Limits));
    }

    private static byte[] Decode(string part)
    {
        var s = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
