using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Cli.Hosting;
using StripeSf.Core.Local;
using StripeSf.Core.Settlement;
using StripeSf.Testing.Stripe;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf serve --dry-run</c> over real loopback HTTP, signed like Stripe signs.</summary>
public sealed class ServeEndToEndTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:WebhookSecrets"] = StripeSigner.Secret,
            ["Stripe:ExpectedMode"] = "test",
        }).Build();
        _app = LocalWebhookHost.Build(configuration, port: 0, dryRun: true);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Serve_SignedEvent_IsAcceptedThenProcessedByTheLocalQueue()
    {
        var settled = NextSettlement();
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1ServeAccepted");

        var response = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", body.GetProperty("status").GetString());
        Assert.Equal("invoice.payment_failed", body.GetProperty("queue").GetString());
        var settlement = await settled.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("evt_1ServeAccepted", settlement.EventId);
        Assert.Equal("invoice.payment_failed", settlement.Queue);
        Assert.IsType<SettlementAction.Complete>(settlement.Action);
    }

    [Fact]
    public async Task Serve_SameEventTwice_AnswersDuplicateTheSecondTime()
    {
        var payload = TestEvents.Fixture("charge.succeeded.json", "evt_1ServeTwice");

        var first = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow));
        var second = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow));

        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("duplicate", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Serve_WrongSecret_Answers400AndProcessesNothing()
    {
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1ServeForged");

        var response = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow, "whsec_forged"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad_signature", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.DoesNotContain(_app.Services.GetRequiredService<LocalQueueWorker>().Settlements, s => s.EventId == "evt_1ServeForged");
    }

    [Fact]
    public async Task Serve_LiveEventAtTestEndpoint_Answers400ModeMismatch()
    {
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1ServeLive", livemode: true);

        var response = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("mode_mismatch", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Serve_StaleSignature_Answers400Stale()
    {
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1ServeStale");

        var response = await PostAsync(payload, StripeSigner.Header(payload, DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("stale_timestamp", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private Task<LocalSettlement> NextSettlement()
    {
        var worker = _app.Services.GetRequiredService<LocalQueueWorker>();
        var settled = new TaskCompletionSource<LocalSettlement>(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.MessageSettled += s => settled.TrySetResult(s);
        return settled.Task;
    }

    private async Task<HttpResponseMessage> PostAsync(byte[] payload, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, LocalWebhookHost.WebhookPath) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Stripe-Signature", signature);
        return await _http.SendAsync(request);
    }
}
