using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StripeSf.Testing.Stripe;

/// <summary>
/// A Stripe API stand-in on 127.0.0.1 for the few endpoints the product calls: it records each
/// form-encoded request and answers with the documented object shapes (POST /v1/webhook_endpoints,
/// GET by id, and the lists GET /v1/charges, /v1/invoices, /v1/refunds, /v1/events… of registered objects).
/// </summary>
public sealed partial class LoopbackStripe : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, (int Count, JsonObject[] Sorted, Dictionary<string, int> Positions)> _sorted = new(StringComparer.Ordinal);

    private LoopbackStripe(WebApplication app) => _app = app;

    /// <summary>The API base URL (http://127.0.0.1:port).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests received: path, form fields (repeated keys joined by ',') and the Authorization header.</summary>
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form, string Authorization)> Requests { get; } = new();

    /// <summary>Objects served by GET path (e.g. <c>/v1/subscriptions/sub_1</c>); others answer 404 resource_missing.</summary>
    public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Endpoints created so far (listed by GET /v1/webhook_endpoints).</summary>
    public ConcurrentQueue<Dictionary<string, object?>> Endpoints { get; } = new();

    /// <summary>Objects listed by GET /v1/{kind} (charges, invoices, events), registered with <see cref="Add"/>.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<JsonObject>> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers <paramref name="stripeObject"/> for the list of <paramref name="kind"/> (e.g. <c>charges</c>)
    /// and for GET /v1/{kind}/{id}.
    /// </summary>
    public void Add(string kind, JsonObject stripeObject)
    {
        Lists.GetOrAdd(kind, _ => new ConcurrentQueue<JsonObject>()).Enqueue(stripeObject);
        Objects[$"/v1/{kind}/{stripeObject["id"]!.GetValue<string>()}"] = stripeObject.ToJsonString();
    }

    /// <summary>
    /// Registers an existing webhook endpoint (listed by GET /v1/webhook_endpoints) in Stripe's shape:
    /// <paramref name="status"/> <c>enabled</c> or <c>disabled</c>, <paramref name="apiVersion"/> null for the account default.
    /// </summary>
    public void AddEndpoint(string id, string url, IEnumerable<string> enabledEvents, string? apiVersion, string status = "enabled") =>
        Endpoints.Enqueue(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "webhook_endpoint",
            ["api_version"] = apiVersion,
            ["created"] = 1_763_000_000,
            ["enabled_events"] = enabledEvents.ToArray(),
            ["livemode"] = false,
            ["metadata"] = new Dictionary<string, string>(),
            ["status"] = status,
            ["url"] = url,
        });

    /// <summary>Starts the server on a free port.</summary>
    public static async Task<LoopbackStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stripe = new LoopbackStripe(app);
        app.MapPost("/v1/webhook_endpoints", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => string.Join(',', f.Value.ToArray()));
            stripe.Requests.Enqueue((request.Path, fields, request.Headers.Authorization.ToString()));
            var events = form.Where(f => f.Key.StartsWith("enabled_events", StringComparison.Ordinal)).SelectMany(f => f.Value.ToArray()).ToArray();
            var endpoint = new Dictionary<string, object?>
            {
                ["id"] = $"we_loopback_{stripe.Endpoints.Count + 1}",
                ["object"] = "webhook_endpoint",
                ["api_version"] = fields.GetValueOrDefault("api_version"),
                ["created"] = 1_763_000_000,
                ["description"] = fields.GetValueOrDefault("description"),
                ["enabled_events"] = events,
                ["livemode"] = false,
                ["metadata"] = new Dictionary<string, string>(),
                ["secret"] = "whsec_loopback_new_endpoint_secret",
                ["status"] = "enabled",
                ["url"] = fields.GetValueOrDefault("url"),
            };
            stripe.Endpoints.Enqueue(endpoint);
            return Results.Json(endpoint);
        });
        app.MapGet("/v1/webhook_endpoints", (HttpRequest request) =>
        {
            stripe.Requests.Enqueue((request.Path, new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
            return Results.Json(new Dictionary<string, object?>
            {
                ["object"] = "list",
                ["url"] = "/v1/webhook_endpoints",
                ["has_more"] = false,
                ["data"] = stripe.Endpoints.ToArray(),
            });
        });
        app.MapGet("/v1/{kind}", (HttpRequest request, string kind) =>
        {
            stripe.Requests.Enqueue((request.Path + request.QueryString, new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
            return Results.Text(stripe.Page(kind, request.Query).ToJsonString(), "application/json");
        });
        app.MapGet("/v1/{kind}/{id}", (HttpRequest request) =>
        {
            stripe.Requests.Enqueue((request.Path + request.QueryString, new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
            return stripe.Objects.TryGetValue(request.Path, out var json)
                ? Results.Text(json, "application/json")
                : Results.Json(new { error = new { type = "invalid_request_error", code = "resource_missing", message = $"No such object: '{request.RouteValues["id"]}'" } }, statusCode: 404);
        });
        stripe.MapCustomers(app);
        stripe.MapSearch(app);
        await app.StartAsync();
        stripe.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stripe;
    }

    /// <summary>
    /// One page in Stripe's list shape, newest first, honouring <c>created[gte|gt|lt|lte]</c>,
    /// <c>status</c>, <c>customer</c>/<c>subscription</c>/<c>charge</c>, <c>types[]</c>/<c>type</c> (events),
    /// <c>expand[]</c> (<c>data.…</c> paths to registered objects), <c>limit</c> (default 10) and <c>starting_after</c>.
    /// </summary>
    private JsonObject Page(string kind, IQueryCollection query)
    {
        var (sorted, positions) = Sorted(kind);
        // starting_after by position in the cached order, so paging a large list stays linear (benchmarks list 10^5 objects).
        var start = query.TryGetValue("starting_after", out var after) && positions.TryGetValue(after.ToString(), out var at) ? at + 1 : 0;
        IEnumerable<JsonObject> items = sorted.Skip(start);
        foreach (var (op, test) in new (string, Func<long, long, bool>)[] { ("gte", (c, v) => c >= v), ("gt", (c, v) => c > v), ("lt", (c, v) => c < v), ("lte", (c, v) => c <= v) })
        {
            if (query.TryGetValue($"created[{op}]", out var bound))
            {
                var value = long.Parse(bound.ToString(), CultureInfo.InvariantCulture);
                items = items.Where(o => test(o["created"]?.GetValue<long>() ?? 0, value));
            }
        }

        // status=all (subscriptions) lists every status, as Stripe does.
        if (query.TryGetValue("status", out var status) && status.ToString() != "all")
        {
            items = items.Where(o => o["status"]?.GetValue<string>() == status.ToString());
        }

        // List filters by owner (charges?customer=, invoices?subscription=, refunds?charge=), as Stripe documents them.
        foreach (var owner in new[] { "customer", "subscription", "charge" })
        {
            if (query.TryGetValue(owner, out var wanted))
            {
                items = items.Where(o => Owner(o, owner) == wanted.ToString());
            }
        }

        var types = query.Where(q => q.Key == "type" || q.Key.StartsWith("types[", StringComparison.Ordinal)).SelectMany(q => q.Value.ToArray()).ToHashSet(StringComparer.Ordinal);
        if (types.Count > 0)
        {
            items = items.Where(o => types.Contains(o["type"]?.GetValue<string>() ?? ""));
        }

        var limit = query.TryGetValue("limit", out var l) ? int.Parse(l.ToString(), CultureInfo.InvariantCulture) : 10;
        var page = items.Take(limit + 1).ToList();
        var expand = query.Where(q => q.Key.StartsWith("expand[", StringComparison.Ordinal)).SelectMany(q => q.Value.ToArray()).OfType<string>()
            .Where(path => path.StartsWith("data.", StringComparison.Ordinal)).Select(path => path["data.".Length..].Split('.')).ToList();
        var data = new JsonArray([.. page.Take(limit).Select(o => (JsonNode)Expand((JsonObject)o.DeepClone(), expand))]);
        return new JsonObject { ["object"] = "list", ["url"] = $"/v1/{kind}", ["has_more"] = page.Count > limit, ["data"] = data };
    }

    /// <summary>
    /// Replaces the id at each expanded path (e.g. <c>parent.subscription_details.subscription</c>) with
    /// the registered object of that kind (<c>/v1/subscriptions/{id}</c>), as Stripe's <c>expand[]</c> does;
    /// an id with no registered object stays an id.
    /// </summary>
    private JsonObject Expand(JsonObject item, List<string[]> paths)
    {
        foreach (var path in paths)
        {
            var parent = item;
            foreach (var step in path[..^1])
            {
                parent = parent?[step] as JsonObject;
            }

            if (parent?[path[^1]] is JsonValue value && value.TryGetValue<string>(out var id) && Objects.TryGetValue($"/v1/{path[^1]}s/{id}", out var json))
            {
                parent[path[^1]] = JsonNode.Parse(json);
            }
        }

        return item;
    }

    private static string? Owner(JsonObject o, string field)
    {
        // Invoices name their subscription under parent.subscription_details since API 2025-03-31.
        var node = o[field] ?? (field == "subscription" ? o["parent"]?["subscription_details"]?["subscription"] : null);
        return node switch
        {
            JsonValue value when value.TryGetValue<string>(out var id) => id,
            JsonObject expanded => expanded["id"]?.GetValue<string>(),
            _ => null,
        };
    }

    /// <summary>The list of <paramref name="kind"/> newest first (ties by id, descending) and each id's position, cached until an object is added.</summary>
    private (JsonObject[] Sorted, Dictionary<string, int> Positions) Sorted(string kind)
    {
        var list = Lists.TryGetValue(kind, out var registered) ? registered : new ConcurrentQueue<JsonObject>();
        lock (_sorted)
        {
            if (_sorted.TryGetValue(kind, out var cached) && cached.Count == list.Count)
            {
                return (cached.Sorted, cached.Positions);
            }

            var sorted = list.ToArray().OrderByDescending(o => o["created"]?.GetValue<long>() ?? 0).ThenByDescending(o => o["id"]?.GetValue<string>(), StringComparer.Ordinal).ToArray();
            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < sorted.Length; i++)
            {
                positions.TryAdd(sorted[i]["id"]?.GetValue<string>() ?? "", i);
            }

            _sorted[kind] = (list.Count, sorted, positions);
            return (sorted, positions);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
