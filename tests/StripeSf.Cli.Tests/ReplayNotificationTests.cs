using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using MimeKit;
using StripeSf.Cli.Commands;
using StripeSf.Core.Replay;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Notifications;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary>The done-when: <c>stripesf replay</c> of a failed payment tells each channel exactly once, with the right figures and links.</summary>
public sealed class ReplayNotificationTests(ITestOutputHelper log) : IDisposable
{
    private const long Created = 1_763_000_000;
    private readonly DirectoryInfo _events = Directory.CreateTempSubdirectory("stripesf-notify-");

    public void Dispose() => _events.Delete(recursive: true);

    [Fact]
    public async Task Replay_FailedPayment_SendsExactlyOneSlackMessageTeamsCardChatterPostAndEmailWithFiguresAndLinks()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "replay", ClientSecret = "replay" });
        await using var slack = await LoopbackWebhookReceiver.StartAsync();
        await using var teams = await LoopbackWebhookReceiver.StartAsync(System.Net.HttpStatusCode.Accepted);
        await using var smtp = LoopbackSmtpServer.Start();
        var invoice = StripeObjects.Invoice("in_ReplayFail", "cus_ReplayFail", "sub_ReplayFail", "open", 129900, 0, 1, Created - 86400, null, Created);
        invoice["customer_name"] = "Globex Ltd";
        var payload = TestEvents.Minimal("invoice.payment_failed", "evt_ReplayFail", invoice, created: Created);
        await File.WriteAllBytesAsync(Path.Combine(_events.FullName, "failed.json"), payload);
        // The same event delivered twice, as Stripe does when an acknowledgement is lost.
        await File.WriteAllBytesAsync(Path.Combine(_events.FullName, "failed-again.json"), payload);
        // A successful payment tells nobody.
        await File.WriteAllBytesAsync(Path.Combine(_events.FullName, "paid.json"), TestEvents.Minimal("invoice.paid", "evt_ReplayPaid",
            StripeObjects.Invoice("in_ReplayPaid", "cus_ReplayFail", "sub_ReplayFail", "paid", 129900, 129900, 1, Created - 86400, Created, Created + 10), created: Created + 10));
        var settings = Settings(salesforce, slack, teams, smtp);
        using var output = new StringWriter();

        var exitCode = await ReplayCommand.RunAsync(settings, [_events.FullName], new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.Zero }, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(0, exitCode);
        var accountId = (string)Assert.Single(salesforce.Records("Account"))["Id"]!;
        var accountUrl = $"https://globex.lightning.force.com/lightning/r/Account/{accountId}/view";
        const string invoiceUrl = "https://dashboard.stripe.com/test/invoices/in_ReplayFail";
        const string nextRetry = "2025-11-16 02:13 UTC";

        var message = Assert.Single(slack.Received);
        Assert.Equal("Payment failed: Globex Ltd, 1,299.00 USD", (string?)message["text"]);
        var fields = message["blocks"]![2]!["fields"]!.AsArray().Select(f => (string)f!["text"]!).ToList();
        Assert.Contains("*Amount due*\n1,299.00 USD", fields);
        Assert.Contains("*At-risk MRR*\n1,299.00 USD", fields);
        Assert.Contains($"*Next retry*\n{nextRetry}", fields);
        var buttons = message["blocks"]![3]!["elements"]!.AsArray().Select(b => (string)b!["url"]!).ToList();
        Assert.Equal([accountUrl, invoiceUrl, "https://dashboard.stripe.com/test/customers/cus_ReplayFail"], buttons);

        var card = Assert.Single(teams.Received)["attachments"]![0]!["content"]!;
        var facts = card["body"]![2]!["facts"]!.AsArray().ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("Globex Ltd", facts["Customer"]);
        Assert.Equal("1,299.00 USD", facts["Amount due"]);
        Assert.Equal(nextRetry, facts["Next retry"]);
        Assert.Equal([accountUrl, invoiceUrl, "https://dashboard.stripe.com/test/customers/cus_ReplayFail"], card["actions"]!.AsArray().Select(a => (string)a!["url"]!));

        var email = Assert.Single(smtp.Received);
        using var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(email.Mime)));
        Assert.Equal("[Stripe] Payment failed: Globex Ltd, 1,299.00 USD", mime.Subject);
        Assert.Contains($"Next retry: {nextRetry}", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Account in Salesforce: {accountUrl}", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Invoice in Stripe: {invoiceUrl}", mime.TextBody, StringComparison.Ordinal);

        Assert.Contains("notified         evt_ReplayFail:slack (attempts 1)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("notified         evt_ReplayFail:teams (attempts 1)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("notified         evt_ReplayFail:email (attempts 1)", output.ToString(), StringComparison.Ordinal);

        // Chatter: one post on the Account, @mentioning its owner, so Salesforce notifies them.
        var post = Assert.Single(salesforce.FeedPosts);
        Assert.Equal(accountId, (string?)post["parent"]!["id"]);
        var segments = post["body"]!["messageSegments"]!.AsArray();
        Assert.Equal("Mention", (string?)segments[0]!["type"]);
        Assert.Equal((string?)salesforce.Records("Account")[0]["OwnerId"], (string?)segments[0]!["id"]);
        var text = (string)segments[1]!["text"]!;
        Assert.Contains("Payment failed: Globex Ltd, 1,299.00 USD", text, StringComparison.Ordinal);
        Assert.Contains($"Next retry: {nextRetry}", text, StringComparison.Ordinal);
        Assert.Contains($"Invoice in Stripe: {invoiceUrl}", text, StringComparison.Ordinal);
        Assert.Contains("notified         evt_ReplayFail:chatter (attempts 1)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 duplicate", output.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackWebhookReceiver slack, LoopbackWebhookReceiver teams, LoopbackSmtpServer smtp) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "replay",
            ["Salesforce:ClientSecret"] = "replay",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Notifications:Slack:WebhookUrl"] = slack.Url.ToString(),
            ["Notifications:Teams:WebhookUrl"] = teams.Url.ToString(),
            ["Notifications:Email:SmtpHost"] = "127.0.0.1",
            ["Notifications:Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:UseTls"] = "false",
            ["Notifications:Email:From"] = "stripesf@globex.example",
            ["Notifications:Email:To"] = "ar@globex.example",
            ["Notifications:SalesforceUrl"] = "https://globex.lightning.force.com",
            ["Notifications:Chatter:Enabled"] = "true",
        }).Build();
}
