using System.Text;
using System.Text.Json.Nodes;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Ingress;

public sealed class WebhookIngressTests
{
    private static byte[] PaymentFailed(string id = "evt_1TestPaymentFailed0001") => TestEvents.Fixture("invoice.payment_failed.json", id);

    [Fact]
    public async Task Accept_WithValidSignature_EnqueuesOnTheQueueNamedAfterTheType()
    {
        var harness = new IngressHarness();

        var result = await harness.PostSignedAsync(PaymentFailed());

        Assert.Equal(200, result.HttpStatusCode);
        Assert.Equal(IngressStatus.Accepted, result.Status);
        var (queue, message) = Assert.Single(harness.Published());
        Assert.Equal("invoice.payment_failed", queue);
        Assert.Equal("evt_1TestPaymentFailed0001", message.MessageId);
        Assert.Equal("invoice.payment_failed", message.Subject);
        Assert.Equal("in_T1inv", message.ApplicationProperties[MessageProperties.ObjectId]);
        Assert.Equal("cus_T1inv", message.ApplicationProperties[MessageProperties.CustomerId]);
        Assert.Equal(false, message.ApplicationProperties[MessageProperties.Livemode]);
        Assert.Equal("2020-08-27", message.ApplicationProperties[MessageProperties.ApiVersion]);
        Assert.Equal(1648320009L, message.ApplicationProperties[MessageProperties.Created]);
        Assert.Equal(PaymentFailed(), message.Body.ToArray());
    }

    [Fact]
    public async Task Accept_WithTamperedBody_RejectsAndEnqueuesNothing()
    {
        var harness = new IngressHarness();
        var payload = PaymentFailed();
        var header = StripeSigner.Header(payload, IngressHarness.Now);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).Replace("\"amount_due\":2000", "\"amount_due\":1", StringComparison.Ordinal));
        Assert.NotEqual(payload, tampered);

        var result = await harness.Ingress.AcceptAsync(tampered, header, CancellationToken.None);

        Assert.Equal(400, result.HttpStatusCode);
        Assert.Equal(IngressStatus.BadSignature, result.Status);
        Assert.Contains("no v1 signature", result.Body["error"], StringComparison.Ordinal);
        Assert.Empty(harness.Published());
    }

    [Theory]
    [InlineData(null, "missing Stripe-Signature header")]
    [InlineData("", "missing Stripe-Signature header")]
    [InlineData("v1=abc", "malformed Stripe-Signature header")]
    [InlineData("t=notanumber,v1=abc", "malformed Stripe-Signature header")]
    [InlineData("t=1763812800", "malformed Stripe-Signature header")]
    public async Task Accept_WithMissingOrMalformedHeader_Rejects(string? header, string expected)
    {
        var harness = new IngressHarness();

        var result = await harness.Ingress.AcceptAsync(PaymentFailed(), header, CancellationToken.None);

        Assert.Equal(400, result.HttpStatusCode);
        Assert.StartsWith(expected, result.Body["error"], StringComparison.Ordinal);
        Assert.Equal("bad_signature", result.Body["code"]);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WithTimestampOlderThanTolerance_RejectsAsStale()
    {
        var harness = new IngressHarness();

        var result = await harness.PostSignedAsync(PaymentFailed(), IngressHarness.Now.AddSeconds(-301));

        Assert.Equal(IngressStatus.StaleTimestamp, result.Status);
        Assert.Equal(400, result.HttpStatusCode);
        Assert.Contains("301 s old", result.Body["error"], StringComparison.Ordinal);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WithTimestampJustInsideTolerance_Accepts()
    {
        var harness = new IngressHarness();

        var result = await harness.PostSignedAsync(PaymentFailed(), IngressHarness.Now.AddSeconds(-300));

        Assert.Equal(IngressStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task Accept_WithFutureTimestamp_RejectsAsFuture()
    {
        var harness = new IngressHarness();

        var result = await harness.PostSignedAsync(PaymentFailed(), IngressHarness.Now.AddMinutes(10));

        Assert.Equal(IngressStatus.FutureTimestamp, result.Status);
        Assert.Equal("future_timestamp", result.Body["code"]);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WithConfiguredTolerance_UsesIt()
    {
        var harness = new IngressHarness(new WebhookOptions { WebhookSecrets = StripeSigner.Secret, SignatureToleranceSeconds = 60 });

        var result = await harness.PostSignedAsync(PaymentFailed(), IngressHarness.Now.AddSeconds(-61));

        Assert.Equal(IngressStatus.StaleTimestamp, result.Status);
    }

    [Fact]
    public async Task Accept_SignedWithEitherRotatedSecret_AcceptsBoth()
    {
        const string newSecret = "whsec_test_rotated_fedcba9876543210";
        var harness = new IngressHarness(new WebhookOptions { WebhookSecrets = $"{StripeSigner.Secret}, {newSecret}" });

        var old = await harness.PostSignedAsync(PaymentFailed("evt_1TestSignedWithOldSecret"), secret: StripeSigner.Secret);
        var rotated = await harness.PostSignedAsync(PaymentFailed("evt_1TestSignedWithNewSecret"), secret: newSecret);
        var unknown = await harness.PostSignedAsync(PaymentFailed("evt_1TestSignedWithOtherSecret"), secret: "whsec_someone_else");

        Assert.Equal(IngressStatus.Accepted, old.Status);
        Assert.Equal(IngressStatus.Accepted, rotated.Status);
        Assert.Equal(IngressStatus.BadSignature, unknown.Status);
        Assert.Equal(2, harness.Published().Count);
    }

    [Theory]
    [InlineData("{not json", "body is not valid JSON")]
    [InlineData("[1,2]", "body is not a JSON object")]
    [InlineData("{\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{}}}", "no 'id'")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"event\",\"created\":1,\"livemode\":false,\"data\":{\"object\":{}}}", "has no 'type'")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"livemode\":false,\"data\":{\"object\":{}}}", "no numeric 'created'")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"created\":1,\"livemode\":false}", "no 'data.object'")]
    [InlineData("{\"id\":\"evt_1\",\"object\":\"v2.core.event\",\"type\":\"invoice.paid\"}", "thin v2 events")]
    public async Task Accept_ValidSignatureOverMalformedEvent_RejectsNamingTheProblem(string body, string expected)
    {
        var harness = new IngressHarness();

        var result = await harness.PostSignedAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal(IngressStatus.MalformedEvent, result.Status);
        Assert.Equal(400, result.HttpStatusCode);
        Assert.Contains(expected, result.Body["error"], StringComparison.Ordinal);
        Assert.Empty(harness.Published());
    }

    [Theory]
    [InlineData("live", false)]
    [InlineData("test", true)]
    public async Task Accept_WithModeMismatch_Rejects(string expectedMode, bool livemode)
    {
        var harness = new IngressHarness(new WebhookOptions { WebhookSecrets = StripeSigner.Secret, ExpectedMode = expectedMode });

        var result = await harness.PostSignedAsync(TestEvents.Fixture("invoice.payment_failed.json", "evt_1TestModeMismatch", livemode));

        Assert.Equal(IngressStatus.ModeMismatch, result.Status);
        Assert.Equal(400, result.HttpStatusCode);
        Assert.Contains($"expects {expectedMode} mode", result.Body["error"], StringComparison.Ordinal);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WithMatchingModeOrNoExpectedMode_Accepts()
    {
        var live = new IngressHarness(new WebhookOptions { WebhookSecrets = StripeSigner.Secret, ExpectedMode = "live" });
        var any = new IngressHarness();

        Assert.Equal(IngressStatus.Accepted, (await live.PostSignedAsync(TestEvents.Fixture("invoice.payment_failed.json", "evt_1Live", livemode: true))).Status);
        Assert.Equal(IngressStatus.Accepted, (await any.PostSignedAsync(TestEvents.Fixture("invoice.payment_failed.json", "evt_1Live", livemode: true))).Status);
    }

    [Fact]
    public async Task Accept_WithBodyOverMaximum_Answers413()
    {
        var harness = new IngressHarness(new WebhookOptions { WebhookSecrets = StripeSigner.Secret, MaxBodyBytes = 4096 });
        var payload = Oversized(5000);

        var result = await harness.PostSignedAsync(payload);

        Assert.Equal(413, result.HttpStatusCode);
        Assert.Equal(IngressStatus.PayloadTooLarge, result.Status);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WithPayloadOverServiceBusLimit_EnqueuesThinMessageAndStoresPayload()
    {
        var harness = new IngressHarness();
        var payload = Oversized(300 * 1024);

        var result = await harness.PostSignedAsync(payload);

        Assert.Equal(IngressStatus.Accepted, result.Status);
        var (_, message) = Assert.Single(harness.Published());
        Assert.True(message.Body.IsEmpty);
        var reference = Assert.IsType<string>(message.ApplicationProperties[MessageProperties.PayloadRef]);
        Assert.Equal(payload, await harness.Payloads.GetAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task Accept_WithUnroutedType_Answers200WithoutEnqueueing()
    {
        var harness = new IngressHarness();
        var payload = TestEvents.Minimal("product.created", "evt_1TestProductCreated", new JsonObject { ["id"] = "prod_1", ["object"] = "product" });

        var result = await harness.PostSignedAsync(payload);

        Assert.Equal(200, result.HttpStatusCode);
        Assert.Equal(IngressStatus.Ignored, result.Status);
        Assert.Equal("ignored", result.Body["status"]);
        Assert.Empty(harness.Published());
    }

    [Fact]
    public async Task Accept_WhenPublisherFails_Answers500SoStripeRetries()
    {
        var harness = new IngressHarness();
        harness.Publisher.PublishAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new TimeoutException("Service Bus unreachable"));

        var result = await harness.PostSignedAsync(PaymentFailed());

        Assert.Equal(500, result.HttpStatusCode);
        Assert.Equal(IngressStatus.EnqueueFailed, result.Status);
        Assert.Contains("Stripe will retry", result.Body["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_SameEventTwice_UsesTheSameMessageIdBothTimes()
    {
        var harness = new IngressHarness();

        await harness.PostSignedAsync(PaymentFailed("evt_1TestDeliveredTwice"));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.PostSignedAsync(PaymentFailed("evt_1TestDeliveredTwice"), harness.Time.GetUtcNow());

        var published = harness.Published();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal("evt_1TestDeliveredTwice", p.Message.MessageId));
    }

    [Fact]
    public async Task Accept_WhenQueueReportsDuplicate_Answers200Duplicate()
    {
        var harness = new IngressHarness();
        harness.Publisher.PublishAsync(default!, default!, default).ReturnsForAnyArgs(PublishResult.Duplicate);

        var result = await harness.PostSignedAsync(PaymentFailed());

        Assert.Equal(IngressStatus.Duplicate, result.Status);
        Assert.Equal("duplicate", result.Body["status"]);
    }

    private static byte[] Oversized(int size)
    {
        var dataObject = new JsonObject { ["id"] = "in_big", ["object"] = "invoice", ["customer"] = "cus_big", ["description"] = new string('x', size) };
        return TestEvents.Minimal("invoice.finalized", "evt_1TestOversized", dataObject);
    }
}
