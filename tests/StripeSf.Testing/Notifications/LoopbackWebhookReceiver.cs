using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StripeSf.Testing.Notifications;

/// <summary>
/// A chat webhook (Slack incoming webhook, Teams Workflows) on 127.0.0.1 over real HTTP: records every
/// JSON body it is POSTed, answers 200 — or, first, the scripted failures (429 with Retry-After, 5xx, 400).
/// </summary>
public sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonNode> _received = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, int? RetryAfterSeconds)> _failures = new();
    private int _requests;

    private LoopbackWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The webhook URL (a path with a secret-looking token, as Slack's has).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Bodies of the POSTs that were answered 2xx, in order.</summary>
    public IReadOnlyList<JsonNode> Received => [.. _received];

    /// <summary>Every POST, failed ones included.</summary>
    public int Requests => _requests;

    /// <summary>Starts a receiver on a free loopback port.</summary>
    public static async Task<LoopbackWebhookReceiver> StartAsync(HttpStatusCode success = HttpStatusCode.OK)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackWebhookReceiver(app);
        app.MapPost("/hooks/{token}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref receiver._requests);
            var body = await JsonNode.ParseAsync(context.Request.Body);
            if (receiver._failures.TryDequeue(out var failure))
            {
                context.Response.StatusCode = (int)failure.Status;
                if (failure.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsync(failure.Status == HttpStatusCode.BadRequest ? "invalid_payload" : "try later");
                return;
            }

            receiver._received.Enqueue(body!);
            context.Response.StatusCode = (int)success;
            await context.Response.WriteAsync(success == HttpStatusCode.OK ? "ok" : string.Empty);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri($"{address}/hooks/T000-B000-XXXXSECRET");
        return receiver;
    }

    /// <summary>Answers the next request with <paramref name="status"/> (and a Retry-After header of <paramref name="retryAfterSeconds"/>).</summary>
    public void FailNext(HttpStatusCode status, int? retryAfterSeconds = null) => _failures.Enqueue((status, retryAfterSeconds));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
