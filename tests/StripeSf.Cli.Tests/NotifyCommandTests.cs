using System.Net;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Testing.Notifications;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf notify test RULE</c> against loopback receivers.</summary>
public sealed class NotifyCommandTests(ITestOutputHelper log)
{
    [Fact]
    public async Task NotifyTest_SendsTheSampleThroughEveryConfiguredChannel()
    {
        await using var slack = await LoopbackWebhookReceiver.StartAsync();
        await using var smtp = LoopbackSmtpServer.Start();
        using var output = new StringWriter();

        var exitCode = await NotifyCommand.TestAsync(Settings(("Notifications:Slack:WebhookUrl", slack.Url.ToString()), ("Notifications:Email:SmtpHost", "127.0.0.1"),
            ("Notifications:Email:SmtpPort", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Notifications:Email:UseTls", "false"),
            ("Notifications:Email:From", "stripesf@example.com"), ("Notifications:Email:To", "ops@example.com")), "disputeopened", output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(0, exitCode);
        Assert.Equal("[Test] Dispute opened: 120.00 USD on charge ch_example", (string?)Assert.Single(slack.Received)["text"]);
        Assert.Contains("Subject: [Stripe] [Test] Dispute opened", Assert.Single(smtp.Received).Mime, StringComparison.Ordinal);
        Assert.Contains(":slack (attempts 1)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(":email (attempts 1)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyTest_ChannelRefuses_ExitsOneWithTheReason_WithoutTheUrl()
    {
        await using var slack = await LoopbackWebhookReceiver.StartAsync();
        slack.FailNext(HttpStatusCode.NotFound);
        using var output = new StringWriter();

        var exitCode = await NotifyCommand.TestAsync(Settings(("Notifications:Slack:WebhookUrl", slack.Url.ToString())), "PaymentFailed", output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("NotificationRejected", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("404", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("XXXXSECRET", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PaymentFailed")]
    [InlineData("NoSuchRule")]
    public async Task NotifyTest_NoChannelOrUnknownRule_ExitsTwo(string rule)
    {
        using var output = new StringWriter();

        Assert.Equal(2, await NotifyCommand.TestAsync(Settings(), rule, output, CancellationToken.None));
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)).Append(KeyValuePair.Create("Logging:LogLevel:Default", (string?)"Warning"))).Build();
}
