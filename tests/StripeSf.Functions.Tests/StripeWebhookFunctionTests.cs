using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Functions.Http;
using StripeSf.Testing.Stripe;

namespace StripeSf.Functions.Tests;

public sealed class StripeWebhookFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly IEventPublisher _publisher = Substitute.For<IEventPublisher>();

    [Fact]
    public async Task Run_WithSignedEvent_Answers200AndEnqueues()
    {
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1FunctionOk");

        var (status, body) = await PostAsync(payload, StripeSigner.Header(payload, Now));

        Assert.Equal(200, status);
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal("invoice.payment_failed", body.GetProperty("queue").GetString());
        await _publisher.Received(1).PublishAsync("invoice.payment_failed", Arg.Is<OutboundMessage>(m => m.MessageId == "evt_1FunctionOk"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Run_WithoutSignature_Answers400WithJsonError()
    {
        var (status, body) = await PostAsync(TestEvents.Fixture("invoice.payment_failed.json"), null);

        Assert.Equal(400, status);
        Assert.Equal("missing Stripe-Signature header", body.GetProperty("error").GetString());
        Assert.Empty(_publisher.ReceivedCalls());
    }

    [Fact]
    public async Task Run_WithBodyOverLimit_Answers413WithoutReadingItAll()
    {
        var payload = new byte[2 * 1024 * 1024];

        var (status, body) = await PostAsync(payload, "t=1,v1=x");

        Assert.Equal(413, status);
        Assert.Equal("payload_too_large", body.GetProperty("code").GetString());
    }

    private async Task<(int Status, JsonElement Body)> PostAsync(byte[] payload, string? signature)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Stripe:WebhookSecrets"] = StripeSigner.Secret,
            }).Build())
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddStripeWebhookIngress()
            .AddSingleton(_publisher)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(payload);
        context.Request.ContentLength = payload.Length;
        if (signature is not null)
        {
            context.Request.Headers["Stripe-Signature"] = signature;
        }

        var function = new StripeWebhookFunction(services.GetRequiredService<WebhookIngress>());
        var result = Assert.IsType<JsonResult>(await function.Run(context.Request, CancellationToken.None));
        var json = JsonSerializer.SerializeToElement(result.Value);
        return (result.StatusCode!.Value, json);
    }
}
