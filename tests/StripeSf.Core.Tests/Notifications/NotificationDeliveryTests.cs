using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using StripeSf.Core.Messaging;
using StripeSf.Core.Notifications;
using StripeSf.Core.Processing;
using StripeSf.Core.Settlement;

namespace StripeSf.Core.Tests.Notifications;

/// <summary>Each channel end to end against loopback receivers: the payload, retries, dead letters, idempotency.</summary>
public sealed class NotificationDeliveryTests
{
    private static Notification PaymentFailed(NotificationHarness harness) =>
        harness.Get<NotificationComposer>().Compose(NotificationEvents.Context(NotificationEvents.PaymentFailed()))!;

    private static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "notifications", name)))!;

    private static InboundMessage Inbound(Notification notification, NotificationChannelKind channel, int attempt = 1)
    {
        var message = NotificationMessages.For(notification, channel);
        var properties = new Dictionary<string, object>(message.ApplicationProperties) { [MessageProperties.Attempt] = attempt };
        return new InboundMessage(message.MessageId, message.Subject, message.Body, properties);
    }

    [Fact]
    public async Task Slack_PaymentFailed_PostsTheExpectedBlockKitMessage()
    {
        await using var harness = await NotificationHarness.StartAsync();

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        var posted = Assert.Single(harness.Slack.Received);
        Assert.True(JsonNode.DeepEquals(Fixture("slack.invoice.payment_failed.json"), posted), posted.ToJsonString());
    }

    [Fact]
    public async Task Teams_PaymentFailed_PostsTheExpectedAdaptiveCard()
    {
        await using var harness = await NotificationHarness.StartAsync();

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        var posted = Assert.Single(harness.Teams.Received);
        Assert.True(JsonNode.DeepEquals(Fixture("teams.invoice.payment_failed.json"), posted), posted.ToJsonString());
    }

    [Fact]
    public async Task Email_PaymentFailed_SendsTextAndHtmlWithFiguresAndLinks()
    {
        await using var harness = await NotificationHarness.StartAsync();

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        var received = Assert.Single(harness.Smtp.Received);
        Assert.Equal("stripesf@example.com", received.From);
        Assert.Equal(["revops@example.com", "owner@example.com"], received.To);
        using var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(received.Mime)));
        Assert.Equal("[Stripe] Payment failed: Acme Corp, 49.99 USD", mime.Subject);
        Assert.Equal("evt_NotifyFail.paymentfailed@stripesf.notifications", mime.MessageId);
        Assert.Equal(
            "Stripe could not collect invoice CHAOS-NotifyFail (attempt 2); it retries at 2025-11-16 02:13 UTC.\r\n\r\n" +
            "Customer: Acme Corp\r\nInvoice: CHAOS-NotifyFail\r\nAmount due: 49.99 USD\r\nAt-risk MRR: 49.99 USD\r\nAttempt: 2\r\nNext retry: 2025-11-16 02:13 UTC\r\n\r\n" +
            "Invoice in Stripe: https://dashboard.stripe.com/test/invoices/in_NotifyFail\r\nCustomer in Stripe: https://dashboard.stripe.com/test/customers/cus_Notify\r\n\r\n" +
            "Stripe event evt_NotifyFail (invoice.payment_failed) · test mode · StripeSfFunctions\r\n",
            mime.TextBody!.ReplaceLineEndings("\r\n"));
        Assert.Contains("<a href=\"https://dashboard.stripe.com/test/invoices/in_NotifyFail\">Invoice in Stripe</a>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<th align=\"left\">At-risk MRR</th><td>49.99 USD</td>", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(harness.Smtp.Logins);
    }

    [Fact]
    public async Task Email_WithUsername_AuthenticatesWithThePassword()
    {
        await using var harness = await NotificationHarness.StartAsync(("Notifications:Email:Username", "mailer"), ("Notifications:Email:Password", "s3cret-pw"));

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Single(harness.Smtp.Received);
        Assert.Equal(["mailer"], harness.Smtp.Logins);
        Assert.DoesNotContain(harness.LogLines, l => l.Contains("s3cret-pw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameEventTwice_PostsOncePerChannel()
    {
        await using var harness = await NotificationHarness.StartAsync();
        var notifier = harness.Get<EventNotifier>();

        await notifier.SendAsync(PaymentFailed(harness), CancellationToken.None);
        await notifier.SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Single(harness.Slack.Received);
        Assert.Single(harness.Teams.Received);
        Assert.Single(harness.Smtp.Received);
        Assert.Equal(["evt_NotifyFail:email", "evt_NotifyFail:slack", "evt_NotifyFail:teams"],
            harness.Get<InProcessNotificationOutbox>().Settled.Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Webhook_TransientFailureThenOk_IsRetriedAndPostedOnce(HttpStatusCode failure)
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Slack.FailNext(failure, failure == HttpStatusCode.TooManyRequests ? 0 : null);
        harness.Teams.FailNext(failure);

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Single(harness.Slack.Received);
        Assert.Equal(2, harness.Slack.Requests);
        Assert.Single(harness.Teams.Received);
        Assert.All(harness.Get<InProcessNotificationOutbox>().Settled.Where(s => s.Key.EndsWith(":slack", StringComparison.Ordinal) || s.Key.EndsWith(":teams", StringComparison.Ordinal)),
            s => Assert.Equal((2, typeof(SettlementAction.Complete)), (s.Attempts, s.Action.GetType())));
    }

    [Fact]
    public async Task Webhook_429_RetriesAfterTheRetryAfterItAsked()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Slack.FailNext(HttpStatusCode.TooManyRequests, retryAfterSeconds: 120);

        var outcome = await harness.Get<NotificationDeliverer>().DeliverAsync(Inbound(PaymentFailed(harness), NotificationChannelKind.Slack), CancellationToken.None);

        var retry = Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), retry.Delay);
        Assert.Contains("429", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_503_RetriesOnTheShortSchedule()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Teams.FailNext(HttpStatusCode.ServiceUnavailable);

        var outcome = await harness.Get<NotificationDeliverer>().DeliverAsync(Inbound(PaymentFailed(harness), NotificationChannelKind.Teams, attempt: 2), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<ProcessingOutcome.RetryLater>(outcome).Delay);
    }

    [Fact]
    public async Task Webhook_FailingOnEveryAttempt_IsDeadLetteredWithAReadableReason_NeverLoggingTheUrl()
    {
        await using var harness = await NotificationHarness.StartAsync(("Notifications:MaxAttempts", "3"));
        for (var i = 0; i < 3; i++)
        {
            harness.Slack.FailNext(HttpStatusCode.BadGateway);
        }

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Empty(harness.Slack.Received);
        Assert.Equal(3, harness.Slack.Requests);
        var slack = Assert.Single(harness.Get<InProcessNotificationOutbox>().Settled, s => s.Key == "evt_NotifyFail:slack");
        var dead = Assert.IsType<SettlementAction.DeadLetter>(slack.Action);
        Assert.Equal(NotificationDeadLetterReasons.RetriesExhausted, dead.Reason);
        Assert.StartsWith("event evt_NotifyFail (PaymentFailed) to Slack: still failing after 3 attempts; last error: Slack webhook answered 502", dead.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", dead.Description, StringComparison.Ordinal);
        Assert.NotEmpty(harness.LogLines);
        Assert.DoesNotContain(harness.LogLines, l => l.Contains("XXXXSECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_400_IsDeadLetteredAtOnce()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Slack.FailNext(HttpStatusCode.BadRequest);

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        var slack = Assert.Single(harness.Get<InProcessNotificationOutbox>().Settled, s => s.Key == "evt_NotifyFail:slack");
        var dead = Assert.IsType<SettlementAction.DeadLetter>(slack.Action);
        Assert.Equal(NotificationDeadLetterReasons.Rejected, dead.Reason);
        Assert.Contains("400", dead.Description, StringComparison.Ordinal);
        Assert.Contains("invalid_payload", dead.Description, StringComparison.Ordinal);
        Assert.Equal(1, harness.Slack.Requests);
    }

    [Fact]
    public async Task Email_451ThenOk_IsRetriedAndSentOnce()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Smtp.FailNextMail("451 4.3.0 Try again later");

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Single(harness.Smtp.Received);
        var email = Assert.Single(harness.Get<InProcessNotificationOutbox>().Settled, s => s.Key == "evt_NotifyFail:email");
        Assert.Equal(2, email.Attempts);
        Assert.IsType<SettlementAction.Complete>(email.Action);
    }

    [Fact]
    public async Task Email_550_IsDeadLetteredAtOnce()
    {
        await using var harness = await NotificationHarness.StartAsync();
        harness.Smtp.FailNextMail("550 5.7.1 Relaying denied");

        await harness.Get<EventNotifier>().SendAsync(PaymentFailed(harness), CancellationToken.None);

        Assert.Empty(harness.Smtp.Received);
        var email = Assert.Single(harness.Get<InProcessNotificationOutbox>().Settled, s => s.Key == "evt_NotifyFail:email");
        var dead = Assert.IsType<SettlementAction.DeadLetter>(email.Action);
        Assert.Equal(NotificationDeadLetterReasons.Rejected, dead.Reason);
        Assert.Contains("550", dead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_TlsRequiredButServerOffersNoStartTls_IsDeadLetteredNamingTheSetting()
    {
        await using var harness = await NotificationHarness.StartAsync(("Notifications:Email:UseTls", "true"));

        var outcome = await harness.Get<NotificationDeliverer>().DeliverAsync(Inbound(PaymentFailed(harness), NotificationChannelKind.Email), CancellationToken.None);

        var dead = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(NotificationDeadLetterReasons.Rejected, dead.Reason);
        Assert.Contains("Notifications__Email__UseTls", dead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_UrlNotAUrl_IsDeadLetteredWithoutRepeatingIt()
    {
        await using var harness = await NotificationHarness.StartAsync(("Notifications:Slack:WebhookUrl", "hooks.slack.com/services/NOT-A-URL"));

        var outcome = await harness.Get<NotificationDeliverer>().DeliverAsync(Inbound(PaymentFailed(harness), NotificationChannelKind.Slack), CancellationToken.None);

        var dead = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Contains("not an absolute http(s) URL", dead.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT-A-URL", dead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ChannelNotConfigured_IsDeadLetteredNamingTheSetting()
    {
        await using var harness = await NotificationHarness.StartAsync(("Notifications:Teams:WebhookUrl", ""));

        var outcome = await harness.Get<NotificationDeliverer>().DeliverAsync(Inbound(PaymentFailed(harness), NotificationChannelKind.Teams), CancellationToken.None);

        var dead = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Contains("Notifications__Teams__", dead.Description, StringComparison.Ordinal);
    }
}
