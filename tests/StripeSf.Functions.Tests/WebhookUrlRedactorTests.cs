using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.Options;
using StripeSf.Core.Notifications;
using StripeSf.Functions.Hosting;

namespace StripeSf.Functions.Tests;

public sealed class WebhookUrlRedactorTests
{
    private static readonly WebhookUrlRedactor Redactor = new(Options.Create(new NotificationOptions
    {
        Slack = { WebhookUrl = "https://hooks.slack.com/services/T000/B000/XXXXSECRET" },
        Teams = { WebhookUrl = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGSECRET" },
    }));

    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXXSECRET", "https://hooks.slack.com/(webhook path redacted)")]
    [InlineData("https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SIGSECRET", "https://prod-01.westeurope.logic.azure.com/(webhook path redacted)")]
    public void Initialize_CallToAWebhook_KeepsOnlyTheHost(string url, string expected)
    {
        var dependency = new DependencyTelemetry { Type = "Http", Data = url, Name = "POST " + new Uri(url).AbsolutePath };

        Redactor.Initialize(dependency);

        Assert.Equal(expected, dependency.Data);
        Assert.DoesNotContain("SECRET", dependency.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_OtherCall_IsLeftAlone()
    {
        var dependency = new DependencyTelemetry { Type = "Http", Data = "https://acme.my.salesforce.com/services/data/v68.0/composite", Name = "POST /services/data/v68.0/composite" };

        Redactor.Initialize(dependency);

        Assert.Equal("https://acme.my.salesforce.com/services/data/v68.0/composite", dependency.Data);
    }
}
