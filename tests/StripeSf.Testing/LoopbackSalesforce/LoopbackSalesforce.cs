using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// A stateful Salesforce stand-in on 127.0.0.1 with a random port, speaking the documented REST API
/// (OAuth token, sObject upsert, Collections, Composite, SOQL, Bulk API 2.0, limits, describe), counting
/// API calls by kind and injecting faults on demand. Start with <see cref="StartAsync"/>; point the
/// client's <c>Salesforce__LoginUrl</c> at <see cref="BaseUrl"/>.
/// </summary>
public sealed class LoopbackSalesforce : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly LoopbackOrg org;
    private readonly LoopbackRouter router;
    private readonly LoopbackTokenApi tokenApi;

    private LoopbackSalesforce(WebApplication app, LoopbackOrg org)
    {
        this.app = app;
        this.org = org;
        router = new LoopbackRouter(org);
        tokenApi = new LoopbackTokenApi(org);
    }

    /// <summary>The server's root, for example <c>http://127.0.0.1:54321</c>: both the login URL and the instance URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Fault injection knobs, live for the next request.</summary>
    public LoopbackFaults Faults => org.Faults;

    /// <summary>Calls received so far, by kind (token calls included).</summary>
    public IReadOnlyDictionary<LoopbackApiCall, int> CallCounts => new Dictionary<LoopbackApiCall, int>(org.Calls);

    /// <summary>Every call received, as <c>METHOD /path → status</c>, in order.</summary>
    public IReadOnlyList<string> CallLog => org.CallLog.ToArray();

    /// <summary>Calls that count against the daily allowance (all but token calls).</summary>
    public int ApiCalls => org.Calls.Where(c => c.Key != LoopbackApiCall.Token).Sum(c => c.Value);

    /// <summary>The last JWT bearer assertion received, for tests that check its claims.</summary>
    public string? LastJwtAssertion => tokenApi.LastAssertion;

    /// <summary>Starts a server; dispose it at the end of the test.</summary>
    public static async Task<LoopbackSalesforce> StartAsync(LoopbackSalesforceOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackSalesforce(app, new LoopbackOrg(options ?? new LoopbackSalesforceOptions()));
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Calls of one kind so far.</summary>
    public int Count(LoopbackApiCall kind) => org.Calls.GetValueOrDefault(kind);

    /// <summary>Forgets the call counters and log (records and tokens stay).</summary>
    public void ResetCalls()
    {
        org.Calls.Clear();
        org.CallLog.Clear();
    }

    /// <summary>The Chatter feed elements posted (Connect REST API), in order.</summary>
    public IReadOnlyList<JsonObject> FeedPosts => router.Chatter.Posts.Select(p => (JsonObject)p.DeepClone()).ToArray();

    /// <summary>Copies of the stored records of one type.</summary>
    public IReadOnlyList<JsonObject> Records(string sObject)
    {
        org.Gate.Wait();
        try
        {
            return org.Table(sObject).Rows.Select(r => (JsonObject)r.DeepClone()).ToArray();
        }
        finally
        {
            org.Gate.Release();
        }
    }

    /// <summary>Stores a record as-is (no validation, no uniqueness: how a test sets up duplicates) and returns its id.</summary>
    public string Seed(string sObject, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        org.Gate.Wait();
        try
        {
            var record = (JsonObject)fields.DeepClone();
            var id = record["Id"]?.ToString() ?? org.NewId(sObject);
            record["Id"] = id;
            foreach (var (field, value) in org.Schema(sObject)?.Defaults ?? new Dictionary<string, bool>())
            {
                record[field] ??= value;
            }

            org.Table(sObject).Put(id, record);
            return id;
        }
        finally
        {
            org.Gate.Release();
        }
    }

    /// <summary>The org's API usage as Sforce-Limit-Info reports it; set it to test thresholds.</summary>
    public long ApiUsage
    {
        get => org.ApiUsage;
        set => org.SetApiUsage(value);
    }

    /// <summary>Revokes every issued token: the next data call answers 401 INVALID_SESSION_ID.</summary>
    public void ExpireTokens() => org.Tokens.Clear();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        org.Gate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var path = raw.Split('?')[0];

        if (path == "/services/oauth2/token" && method == "POST")
        {
            await TokenAsync(context, raw).ConfigureAwait(false);
            return;
        }

        if (path.TrimEnd('/') == "/services/data" && method == "GET")
        {
            org.Calls.AddOrUpdate(LoopbackApiCall.Other, 1, (_, n) => n + 1);
            org.CallLog.Enqueue($"GET {raw} → 200");
            var versions = new JsonArray(new[] { "66.0", "67.0", org.Options.LatestApiVersion }.Distinct()
                .Select(v => (JsonNode)new JsonObject { ["label"] = "v" + v, ["url"] = $"/services/data/v{v}", ["version"] = v }).ToArray());
            await WriteAsync(context, new LoopbackResult(200, versions), limitHeader: false).ConfigureAwait(false);
            return;
        }

        var prefix = "/services/data/v";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.IndexOf('/', prefix.Length) < 0)
        {
            await WriteAsync(context, LoopbackResult.Error(404, LoopbackError.NotFound), limitHeader: false).ConfigureAwait(false);
            return;
        }

        var slash = raw.IndexOf('/', prefix.Length);
        var version = raw[prefix.Length..slash];
        var rest = raw[(slash + 1)..];
        var kind = LoopbackRouter.Classify(method, rest);
        org.Calls.AddOrUpdate(kind, 1, (_, n) => n + 1);
        org.SpendApiRequest();

        var result = await FaultAsync(context, method, kind).ConfigureAwait(false) ?? await DispatchAsync(context, version, method, rest).ConfigureAwait(false);
        org.CallLog.Enqueue($"{method} {raw} → {result.Status}");
        await WriteAsync(context, result, limitHeader: true).ConfigureAwait(false);
    }

    private async Task<LoopbackResult?> FaultAsync(HttpContext context, string method, LoopbackApiCall kind)
    {
        var faults = org.Faults;
        var auth = context.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : string.Empty;
        if (!org.Tokens.ContainsKey(token))
        {
            return LoopbackResult.Error(401, LoopbackError.InvalidSession);
        }

        if (org.Chance(faults.ExpiredTokenRate))
        {
            org.Tokens.TryRemove(token, out _);
            return LoopbackResult.Error(401, LoopbackError.InvalidSession);
        }

        if (org.Chance(faults.SlowResponseRate))
        {
            await Task.Delay(faults.SlowResponseDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (org.ApiUsage > org.Options.DailyApiMax || org.Chance(faults.RequestLimitExceededRate))
        {
            return LoopbackResult.Error(403, LoopbackError.RequestLimit);
        }

        var writes = LoopbackRouter.IsWrite(method) && kind != LoopbackApiCall.Query;
        if ((faults.MaintenanceWindow && writes) || org.Chance(faults.ServiceUnavailableRate))
        {
            return LoopbackResult.Error(503, LoopbackError.ServerUnavailable);
        }

        return null;
    }

    private async Task<LoopbackResult> DispatchAsync(HttpContext context, string version, string method, string rest)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        JsonObject? body = null;
        var isCsv = context.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        if (!isCsv && text.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException ex)
            {
                return LoopbackResult.Error(400, new LoopbackError("JSON_PARSER_ERROR", ex.Message));
            }
        }

        await org.Gate.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            return router.Dispatch(version, method, rest, body, isCsv ? text : null);
        }
        finally
        {
            org.Gate.Release();
        }
    }

    private async Task TokenAsync(HttpContext context, string raw)
    {
        org.Calls.AddOrUpdate(LoopbackApiCall.Token, 1, (_, n) => n + 1);
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var baseUrl = BaseUrl.ToString().TrimEnd('/');
        var token = tokenApi.Handle(values, baseUrl, out var error);
        LoopbackResult result;
        if (token is not null)
        {
            result = new LoopbackResult(200, token);
        }
        else
        {
            var parts = error!.Split('|', 2);
            result = new LoopbackResult(400, new JsonObject { ["error"] = parts[0], ["error_description"] = parts[1] });
        }

        org.CallLog.Enqueue($"POST {raw} → {result.Status}");
        await WriteAsync(context, result, limitHeader: false).ConfigureAwait(false);
    }

    private async Task WriteAsync(HttpContext context, LoopbackResult result, bool limitHeader)
    {
        context.Response.StatusCode = result.Status;
        if (limitHeader)
        {
            context.Response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={org.ApiUsage}/{org.Options.DailyApiMax}");
        }

        if (result.Json is not null)
        {
            context.Response.ContentType = "application/json;charset=UTF-8";
            await context.Response.WriteAsync(result.Json.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
        else if (result.Text is not null)
        {
            context.Response.ContentType = result.ContentType;
            await context.Response.WriteAsync(result.Text, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
