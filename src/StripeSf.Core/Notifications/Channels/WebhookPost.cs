using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StripeSf.Core.Notifications.Channels;

/// <summary>
/// POSTs a JSON payload to a chat webhook and classifies the answer: 2xx taken; 429 (with its
/// Retry-After), 408 and 5xx transient; anything else permanent. The URL is a secret (whoever has it
/// can post), so no message names it.
/// </summary>
internal static class WebhookPost
{
    public static async Task SendAsync(HttpClient http, string url, JsonNode payload, string channel, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new NotificationDeliveryException($"the {channel} webhook URL setting is not an absolute http(s) URL");
        }

        using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new NotificationDeliveryException($"{channel} webhook unreachable ({ex.HttpRequestError})", transient: true, inner: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationDeliveryException($"{channel} webhook timed out", transient: true, inner: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var detail = $"{channel} webhook answered {status} {response.ReasonPhrase}: {(body.Length > 300 ? body[..300] : body)}".TrimEnd(' ', ':');
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new NotificationDeliveryException(detail, transient: true, RetryAfterOf(response));
            }

            throw new NotificationDeliveryException(detail, transient: status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };
}
