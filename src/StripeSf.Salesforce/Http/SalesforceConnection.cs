using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Salesforce.Auth;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.Errors;

namespace StripeSf.Salesforce.Http;

/// <summary>
/// Sends REST calls to the instance with a bearer token: re-mints once on <c>INVALID_SESSION_ID</c>,
/// feeds <c>Sforce-Limit-Info</c> to the budget, and turns every non-2xx answer or network failure
/// into a classified <see cref="SalesforceApiException"/>.
/// </summary>
public sealed class SalesforceConnection(
    HttpClient http,
    SalesforceTokenProvider tokens,
    SalesforceApiBudget budget,
    IOptions<SalesforceOptions> options,
    ILogger<SalesforceConnection> logger)
{
    /// <summary>The named HttpClient (with the in-call resilience handler) REST calls go through.</summary>
    public const string HttpClientName = "StripeSf.Salesforce";

    /// <summary>The versioned data root, for example <c>/services/data/v68.0/</c>.</summary>
    public string DataPath => $"/services/data/v{options.Value.ApiVersion}/";

    /// <summary>The instance URL from the current token (mints one if needed).</summary>
    public async Task<Uri> GetInstanceUrlAsync(CancellationToken cancellationToken) =>
        (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false)).InstanceUrl;

    /// <summary>Sends the call; returns only on 2xx, throws <see cref="SalesforceApiException"/> otherwise.</summary>
    public async Task<SalesforceResponse> SendAsync(SalesforceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var (status, body) = await SendOnceAsync(request, token, cancellationToken).ConfigureAwait(false);

        if (status == (int)HttpStatusCode.Unauthorized)
        {
            // Sessions expire on the org's timeout or are revoked; Salesforce says so only by refusing.
            // Exactly one re-mint per call: a second refusal is not ours to loop on.
            Log.SessionRefused(logger, request.Operation);
            tokens.Invalidate(token);
            token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            (status, body) = await SendOnceAsync(request, token, cancellationToken).ConfigureAwait(false);
        }

        if (status is >= 200 and < 300)
        {
            return new SalesforceResponse(status, body);
        }

        var errors = SalesforceErrorParser.Parse(status, body);
        var kind = SalesforceErrorClassifier.Classify(status, errors);
        var code = errors.Count > 0 ? errors[0].ErrorCode : $"HTTP_{status}";
        Log.CallFailed(logger, request.Operation, status, code, kind.ToString());
        var detail = errors.Count > 0 ? string.Join("; ", errors.Select(e => $"{e.ErrorCode}: {e.Message}")) : $"HTTP {status}";
        throw new SalesforceApiException(kind, status, errors, $"Salesforce {request.Operation} failed: {detail}");
    }

    private async Task<(int Status, string Body)> SendOnceAsync(SalesforceRequest request, SalesforceToken token, CancellationToken cancellationToken)
    {
        var uri = new Uri(token.InstanceUrl, request.Path.StartsWith('/') ? request.Path : DataPath + request.Path);
        using var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content?.Invoke() };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));

        try
        {
            using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var usage = response.Headers.TryGetValues(SalesforceApiBudget.HeaderName, out var values) ? values.FirstOrDefault() : null;
            budget.Observe(usage);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Log.CallCompleted(logger, request.Operation, (int)response.StatusCode, usage);
            return ((int)response.StatusCode, body);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // No answer at all (refused connection, reset, the in-call timeout or retry budget spent).
            var kind = SalesforceErrorClassifier.ClassifyException(ex);
            Log.CallUnanswered(logger, request.Operation, kind.ToString(), ex.GetType().Name);
            throw new SalesforceApiException(kind, 0, [], $"Salesforce {request.Operation} got no answer: {ex.Message}", ex);
        }
    }
}
