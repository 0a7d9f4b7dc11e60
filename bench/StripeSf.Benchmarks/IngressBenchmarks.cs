using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Routing;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The webhook's hot path (signature over the raw bytes, envelope, routing, message build) with a
/// publisher that does nothing: what the Function spends before Service Bus, per request.
/// </summary>
[MemoryDiagnoser]
public class IngressBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private WebhookIngress _ingress = null!;
    private byte[] _payload = null!;
    private string _header = null!;

    /// <summary>Secrets configured at once (rotation makes it 2).</summary>
    [Params(1, 2)]
    public int Secrets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var secrets = Secrets == 1 ? StripeSigner.Secret : $"whsec_rotating_old_secret,{StripeSigner.Secret}";
        var options = Options.Create(new WebhookOptions { WebhookSecrets = secrets });
        _ingress = new WebhookIngress(new SignatureVerifier(options, new FakeTimeProvider(Now)), new EventMessageFactory(new InMemoryPayloadStore(), options),
            new NullPublisher(), RoutingTable.Default, options, NullLogger<WebhookIngress>.Instance);
        _payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1Bench");
        _header = StripeSigner.Header(_payload, Now);
    }

    [Benchmark]
    public Task<IngressResult> Accept() => _ingress.AcceptAsync(_payload, _header, CancellationToken.None);

    private sealed class NullPublisher : IEventPublisher
    {
        public Task<PublishResult> PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken) => Task.FromResult(PublishResult.Enqueued);
    }
}
