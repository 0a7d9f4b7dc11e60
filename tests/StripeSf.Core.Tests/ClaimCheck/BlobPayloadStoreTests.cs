using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;
using StripeSf.Core.Tests.Ingress;
using StripeSf.Salesforce;
using StripeSf.Testing.Storage;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.ClaimCheck;

/// <summary>The claim check against a real blob service (Azurite, started once for the class).</summary>
public sealed class BlobPayloadStoreTests(BlobPayloadStoreTests.AzuriteFixture azurite) : IClassFixture<BlobPayloadStoreTests.AzuriteFixture>
{
    private readonly BlobPayloadStore _store = new(new BlobServiceClient(azurite.Server.ConnectionString).GetBlobContainerClient("stripe-payloads"));

    [Fact]
    public async Task PutThenGet_ReturnsTheExactBytesUnderTheEventId()
    {
        var payload = "{\"id\":\"evt_1Blob\",\"é\":\"ü\"}"u8.ToArray();

        var reference = await _store.PutAsync("evt_1Blob", payload, CancellationToken.None);

        Assert.Equal("evt_1Blob.json", reference);
        Assert.Equal(payload, await _store.GetAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task Put_SameEventTwice_OverwritesInsteadOfFailing()
    {
        await _store.PutAsync("evt_1Twice", "{\"v\":1}"u8.ToArray(), CancellationToken.None);
        var reference = await _store.PutAsync("evt_1Twice", "{\"v\":2}"u8.ToArray(), CancellationToken.None);

        Assert.Equal("{\"v\":2}"u8.ToArray(), await _store.GetAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task Get_UnknownReference_ReturnsNull()
    {
        await _store.PutAsync("evt_1Container", "{}"u8.ToArray(), CancellationToken.None);

        Assert.Null(await _store.GetAsync("evt_1Missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task OversizedWebhook_IsStoredByTheIngressAndReadBackByTheProcessor()
    {
        var harness = new IngressHarness(payloads: _store);
        var payload = TestEvents.Minimal("invoice.finalized", "evt_1BigInvoice",
            new JsonObject { ["id"] = "in_big", ["object"] = "invoice", ["customer"] = "cus_big", ["currency"] = "usd", ["description"] = new string('x', 300 * 1024) });

        var result = await harness.PostSignedAsync(payload);

        Assert.Equal(200, result.HttpStatusCode);
        var (_, sent) = Assert.Single(harness.Published());
        Assert.True(sent.Body.IsEmpty);
        var processor = TestFlows.Processor(new DryRunSalesforceClient(Microsoft.Extensions.Logging.Abstractions.NullLogger<DryRunSalesforceClient>.Instance), payloads: _store);
        var outcome = await processor.ProcessAsync(new InboundMessage(sent.MessageId, sent.Subject, sent.Body, sent.ApplicationProperties), CancellationToken.None);
        var deadLetter = outcome as ProcessingOutcome.DeadLetter;
        Assert.True(outcome is ProcessingOutcome.Completed, $"{deadLetter?.Reason}: {deadLetter?.Description}");
    }

    public sealed class AzuriteFixture : IAsyncLifetime
    {
        public Azurite Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await Azurite.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
