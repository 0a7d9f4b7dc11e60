using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Auth;

/// <summary>
/// Mints and caches one access token per process (JWT bearer or client credentials). Salesforce
/// sends no expiry, so the token is kept until a call is refused with <c>INVALID_SESSION_ID</c>.
/// </summary>
public sealed class SalesforceTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    ILogger<SalesforceTokenProvider> logger) : IDisposable
{
    /// <summary>The named HttpClient used for the token endpoint.</summary>
    public const string HttpClientName = "StripeSf.Salesforce.Auth";

    private readonly SemaphoreSlim gate = new(1, 1);
    private SalesforceToken? cached;

    /// <summary>Returns the cached token, minting one when there is none.</summary>
    public async Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref cached) is { } token)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have minted while this one waited: one mint serves them all.
            cached ??= await MintAsync(cancellationToken).ConfigureAwait(false);
            return cached;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops <paramref name="stale"/> from the cache unless a newer token already replaced it.</summary>
    public void Invalidate(SalesforceToken stale) => Interlocked.CompareExchange(ref cached, null, stale);

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    private async Task<SalesforceToken> MintAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var loginUrl = settings.LoginUrl.TrimEnd('/');
        var form = settings.UsesJwtBearer
            ? new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = JwtBearerAssertion.Create(settings.ClientId!, settings.Username!, loginUrl, settings.PrivateKey!, timeProvider.GetUtcNow()),
            }
            : new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = settings.ClientId ?? string.Empty,
                ["client_secret"] = settings.ClientSecret ?? string.Empty,
            };
        var flow = settings.UsesJwtBearer ? "jwt-bearer" : "client-credentials";

        var http = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await http.PostAsync(new Uri($"{loginUrl}/services/oauth2/token"), content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SalesforceApiException(
                SalesforceErrorClassifier.ClassifyException(ex), 0, [], $"Salesforce token request to {loginUrl} failed: {ex.Message}", ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var errors = SalesforceErrorParser.Parse(status, body);
                Log.TokenRefused(logger, flow, status, errors.Count > 0 ? errors[0].ErrorCode : string.Empty);

                var kind = SalesforceErrorClassifier.ClassifyTokenFailure(status);
                var detail = errors.Count > 0 ? $"{errors[0].ErrorCode}: {errors[0].Message}" : $"HTTP {status}";
                throw new SalesforceApiException(kind, status, errors, $"Salesforce refused the {flow} token request: {detail}");
            }

            var json = JsonNode.Parse(body);
            var accessToken = json?["access_token"]?.GetValue<string>();
            var instance = json?["instance_url"]?.GetValue<string>();
            if (string.IsNullOrEmpty(accessToken) || !Uri.TryCreate(instance, UriKind.Absolute, out var instanceUrl))
            {
                throw new SalesforceApiException(SalesforceFailureKind.Transient, status, [], "Salesforce token response lacked access_token or instance_url");
            }

            var issuedAt = long.TryParse(json?["issued_at"]?.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var millis)
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
                : timeProvider.GetUtcNow();
            Log.TokenMinted(logger, flow, instanceUrl);
            return new SalesforceToken(accessToken, instanceUrl, issuedAt);
        }
    }
}
