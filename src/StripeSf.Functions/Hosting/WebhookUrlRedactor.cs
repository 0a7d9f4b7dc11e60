using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Options;
using StripeSf.Core.Notifications;

namespace StripeSf.Functions.Hosting;

/// <summary>
/// Application Insights records every outgoing HTTP call with its URL and path; a chat webhook's
/// URL is its secret (whoever has it can post), so the dependency of a call to the Slack or Teams
/// webhook keeps only the host.
/// </summary>
public sealed class WebhookUrlRedactor(IOptions<NotificationOptions> options) : ITelemetryInitializer
{
    // Parsed once: the initializer runs for every telemetry item the app sends.
    private readonly Lazy<Uri[]> _secrets = new(() =>
        [.. new[] { options.Value.Slack.WebhookUrl, options.Value.Teams.WebhookUrl }
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var secret) ? secret : null)
            .OfType<Uri>()]);

    /// <inheritdoc />
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is not DependencyTelemetry dependency || _secrets.Value.Length == 0 || !Uri.TryCreate(dependency.Data, UriKind.Absolute, out var called))
        {
            return;
        }

        foreach (var secret in _secrets.Value)
        {
            if (string.Equals(called.GetLeftPart(UriPartial.Path), secret.GetLeftPart(UriPartial.Path), StringComparison.OrdinalIgnoreCase))
            {
                dependency.Data = $"{secret.Scheme}://{secret.Authority}/(webhook path redacted)";
                dependency.Name = $"POST {secret.Authority}";
                return;
            }
        }
    }
}
