using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Ingress;

/// <summary>The real ingress with a substitute publisher (the queue is the I/O seam) and a fake clock.</summary>
internal sealed class IngressHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public IngressHarness(WebhookOptions? options = null, IPayloadStore? payloads = null)
    {
        Payloads = payloads ?? new InMemoryPayloadStore();
        Options = options ?? new WebhookOptions { WebhookSecrets = StripeSigner.Secret };
        Time = new FakeTimeProvider(Now);
        Publisher = Substitute.For<IEventPublisher>();
        Publisher.PublishAsync(default!, default!, default).ReturnsForAnyArgs(PublishResult.Enqueued);
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Ingress = new WebhookIngress(
            new SignatureVerifier(wrapped, Time),
            new EventMessageFactory(Payloads, wrapped),
            Publisher,
            RoutingTable.Default,
            wrapped,
            NullLogger<WebhookIngress>.Instance);
    }

    public WebhookOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public IEventPublisher Publisher { get; }

    public IPayloadStore Payloads { get; }

    public WebhookIngress Ingress { get; }

    public Task<IngressResult> PostSignedAsync(byte[] payload, DateTimeOffset? signedAt = null, string secret = StripeSigner.Secret) =>
        Ingress.AcceptAsync(payload, StripeSigner.Header(payload, signedAt ?? Now, secret), CancellationToken.None);

    public IReadOnlyList<(string Queue, OutboundMessage Message)> Published() =>
        [.. Publisher.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(IEventPublisher.PublishAsync))
            .Select(c => ((string)c.GetArguments()[0]!, (OutboundMessage)c.GetArguments()[1]!))];
}
