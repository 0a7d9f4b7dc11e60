using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StripeSf.Testing.Stripe;

/// <summary>
/// The customers API as Stripe documents it, over the same customers <see cref="Add"/> registers
/// (so <c>backfill</c> lists what the Lead sync created): create (POST /v1/customers), update (POST
/// /v1/customers/{id}), retrieve, list by <c>email</c> (case-sensitive, exact) and search
/// (<c>/v1/customers/search</c>, the <c>search_result</c> shape, eventually consistent: a customer
/// becomes searchable <see cref="SearchLag"/> after it was written). POSTs honour
/// <c>Idempotency-Key</c> (the first response is replayed with <c>Idempotent-Replayed: true</c>;
/// other parameters under the same key answer 400 <c>idempotency_error</c>), invalid emails answer
/// 400 <c>email_invalid</c>, and <see cref="RateLimitNext"/> makes writes answer 429.
/// </summary>
public sealed partial class LoopbackStripe
{
    private readonly ConcurrentDictionary<string, JsonObject> _customers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _searchableAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Request, int Status, string Body)> _idempotency = new(StringComparer.Ordinal);
    private readonly object _customerGate = new();
    private int _customerSequence;
    private readonly ConcurrentDictionary<string, (int Status, string Type, string Code, string Message, string? ShouldRetry)> _answers = new(StringComparer.Ordinal);
    private int _rateLimited;
    private string? _rateLimitShouldRetry;
    private int _dropCreates;

    private int _eventSequence;

    /// <summary>
    /// The events Stripe emits for the API's customer writes (<c>customer.created</c>,
    /// <c>customer.updated</c> with <c>previous_attributes</c>), in order; also listed by GET /v1/events.
    /// </summary>
    public ConcurrentQueue<JsonObject> CustomerEvents { get; } = new();

    /// <summary>Every customers request, in order: method, path (with query), form fields and idempotency key.</summary>
    public ConcurrentQueue<StripeCustomerRequest> CustomerRequests { get; } = new();

    /// <summary>How long after a write search sees the customer (Stripe: usually under a minute). Zero by default.</summary>
    public TimeSpan SearchLag { get; set; }

    /// <summary>Called after a customer was created and stored, before the response is sent (tests crash the caller here).</summary>
    public Action<JsonObject>? OnCustomerCreated { get; set; }

    /// <summary>Copies of the customers (created, or registered with <see cref="Add"/>), in creation order.</summary>
    public IReadOnlyList<JsonObject> Customers => [.. Newest().Reverse().Select(Public)];

    /// <summary>The create and update requests that changed something (replays excluded).</summary>
    public int CustomerWrites => CustomerRequests.Count(r => r.Method == "POST" && r.Status == 200 && !r.Replayed);

    /// <summary>Stores a customer as if created earlier (searchable at once); returns its id.</summary>
    public string AddCustomer(string? email, string? name = null, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var customer = NewCustomer(new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = email ?? "", ["name"] = name ?? "" });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            ((JsonObject)customer["metadata"]!)[key] = value;
        }

        Store(customer);
        _searchableAt[customer["id"]!.GetValue<string>()] = DateTimeOffset.MinValue;
        return customer["id"]!.GetValue<string>();
    }

    /// <summary>
    /// The next <paramref name="count"/> customer writes answer 429 <c>rate_limit</c>, with
    /// <c>Stripe-Should-Retry</c> set to <paramref name="shouldRetry"/> when it is not null.
    /// </summary>
    public void RateLimitNext(int count, string? shouldRetry = null)
    {
        _rateLimitShouldRetry = shouldRetry;
        Volatile.Write(ref _rateLimited, count);
    }

    /// <summary>
    /// Every customer write carrying <paramref name="email"/> answers <paramref name="status"/> with
    /// Stripe's error shape (as Stripe refuses data it validates itself, or fails with a 5xx), until
    /// <see cref="ClearAnswers"/>.
    /// </summary>
    public void AnswerWritesFor(string email, int status, string code, string message, string type = "invalid_request_error", string? shouldRetry = null) =>
        _answers[email] = (status, type, code, message, shouldRetry);

    /// <summary>Forgets <see cref="AnswerWritesFor"/>.</summary>
    public void ClearAnswers() => _answers.Clear();

    /// <summary>The next <paramref name="count"/> creates are stored, then the connection drops before the answer (the caller never learns the id).</summary>
    public void DropNextCreateResponses(int count) => Volatile.Write(ref _dropCreates, count);

    private void MapCustomers(WebApplication app)
    {
        app.MapPost("/v1/customers", (HttpRequest request) => WriteCustomerAsync(request, null));
        app.MapPost("/v1/customers/{id}", (HttpRequest request, string id) => WriteCustomerAsync(request, id));
        app.MapGet("/v1/customers", (HttpRequest request) =>
        {
            if (!request.Query.ContainsKey("email"))
            {
                // The plain list (created[...], starting_after, limit) is the generic one of every registered kind.
                Journal("GET", request, null, 200, false);
                return Json(200, Page("customers", request.Query));
            }

            var email = request.Query["email"].ToString();
            var limit = request.Query.TryGetValue("limit", out var l) ? int.Parse(l.ToString(), CultureInfo.InvariantCulture) : 10;
            var matches = Newest().Where(c => c["email"]?.GetValue<string>() == email).ToList();
            Journal("GET", request, null, 200, false);
            return Json(200, new JsonObject
            {
                ["object"] = "list",
                ["url"] = "/v1/customers",
                ["has_more"] = matches.Count > limit,
                ["data"] = new JsonArray([.. matches.Take(limit).Select(c => (JsonNode)Public(c))]),
            });
        });
        app.MapGet("/v1/customers/search", (HttpRequest request) =>
        {
            var now = DateTimeOffset.UtcNow;
            var answer = Search("customers", request, Newest().Where(c => _searchableAt.GetValueOrDefault(c["id"]!.GetValue<string>()) <= now).Select(Public),
                part => TryParseSearch(part, out var clauses) ? c => clauses.All(clause => clause.Matches(c)) : null);
            Journal("GET", request, null, answer is JsonResult json ? json.Status : 200, false);
            return answer;
        });
        app.MapGet("/v1/customers/{id}", (HttpRequest request, string id) =>
        {
            var customer = Find(id);
            Journal("GET", request, null, customer is null ? 404 : 200, false);
            return customer is not null
                ? Json(200, Public(customer))
                : Error(404, "invalid_request_error", "resource_missing", $"No such customer: '{id}'", "id");
        });
    }

    private async Task<IResult> WriteCustomerAsync(HttpRequest request, string? id)
    {
        var form = await request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var key = request.Headers["Idempotency-Key"].ToString();
        if (Interlocked.Decrement(ref _rateLimited) >= 0)
        {
            Journal("POST", request, fields, 429, false);
            var headers = _rateLimitShouldRetry is null ? null : new Dictionary<string, string> { ["Stripe-Should-Retry"] = _rateLimitShouldRetry };
            return Error(429, "invalid_request_error", "rate_limit", "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.", null, headers);
        }

        Interlocked.Exchange(ref _rateLimited, 0);
        if (fields.TryGetValue("email", out var addressed) && _answers.TryGetValue(addressed, out var canned))
        {
            Journal("POST", request, fields, canned.Status, false);
            var headers = canned.ShouldRetry is null ? null : new Dictionary<string, string> { ["Stripe-Should-Retry"] = canned.ShouldRetry };
            return Error(canned.Status, canned.Type, canned.Code, canned.Message, "email", headers);
        }

        var signature = $"POST {request.Path} " + string.Join("&", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        JsonObject? created = null;
        (int Status, string Body) answer;
        bool replayed;
        lock (_customerGate)
        {
            if (key.Length > 0 && _idempotency.TryGetValue(key, out var earlier))
            {
                replayed = earlier.Request == signature;
                answer = replayed
                    ? (earlier.Status, earlier.Body)
                    : (400, ErrorBody("idempotency_error", null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", null).ToJsonString());
            }
            else
            {
                replayed = false;
                answer = Apply(id, fields, out created);
                if (key.Length > 0)
                {
                    _idempotency[key] = (signature, answer.Status, answer.Body);
                }
            }
        }

        Journal("POST", request, fields, answer.Status, replayed);
        if (created is not null)
        {
            OnCustomerCreated?.Invoke(Public(created));
            if (Interlocked.Decrement(ref _dropCreates) >= 0)
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }

            Interlocked.Exchange(ref _dropCreates, 0);
        }

        var replayHeader = replayed ? new Dictionary<string, string> { ["Idempotent-Replayed"] = "true" } : null;
        return new JsonResult(answer.Status, answer.Body, replayHeader);
    }

    private (int Status, string Body) Apply(string? id, Dictionary<string, string> fields, out JsonObject? created)
    {
        created = null;
        if (fields.TryGetValue("email", out var email) && email.Length > 0 && !EmailPattern().IsMatch(email))
        {
            return (400, ErrorBody("invalid_request_error", "email_invalid", $"Invalid email address: {email}", "email").ToJsonString());
        }

        if (id is null)
        {
            created = NewCustomer(fields);
            var newId = created["id"]!.GetValue<string>();
            Store(created);
            _searchableAt[newId] = DateTimeOffset.UtcNow + SearchLag;
            Emit("customer.created", created, null);
            return (200, Public(created).ToJsonString());
        }

        if (Find(id) is not { } customer)
        {
            return (404, ErrorBody("invalid_request_error", "resource_missing", $"No such customer: '{id}'", "id").ToJsonString());
        }

        var before = Public(customer);
        Assign(customer, fields);
        _searchableAt[id] = DateTimeOffset.UtcNow + SearchLag;
        var previous = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (!JsonNode.DeepEquals(value, customer[key]))
            {
                previous[key] = value?.DeepClone();
            }
        }

        // Stripe emits no event for an update that changed nothing.
        if (previous.Count > 0)
        {
            Emit("customer.updated", customer, previous);
        }

        return (200, Public(customer).ToJsonString());
    }

    private JsonObject NewCustomer(Dictionary<string, string> fields)
    {
        var sequence = Interlocked.Increment(ref _customerSequence);
        var customer = new JsonObject
        {
            ["id"] = $"cus_LB{sequence:D12}",
            ["object"] = "customer",
            ["address"] = null,
            ["balance"] = 0,
            ["business_name"] = null,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["currency"] = null,
            ["default_source"] = null,
            ["delinquent"] = false,
            ["description"] = null,
            ["email"] = null,
            ["individual_name"] = null,
            ["invoice_prefix"] = $"LB{sequence:D6}",
            ["invoice_settings"] = new JsonObject { ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null, ["rendering_options"] = null },
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["name"] = null,
            ["next_invoice_sequence"] = 1,
            ["phone"] = null,
            ["preferred_locales"] = new JsonArray(),
            ["shipping"] = null,
            ["tax_exempt"] = "none",
            ["test_clock"] = null,
        };
        Assign(customer, fields);
        return customer;
    }

    private static void Assign(JsonObject customer, Dictionary<string, string> fields)
    {
        foreach (var (key, value) in fields)
        {
            var metadata = MetadataKey().Match(key);
            if (metadata.Success)
            {
                var bag = (JsonObject)customer["metadata"]!;
                if (value.Length == 0)
                {
                    bag.Remove(metadata.Groups[1].Value);
                }
                else
                {
                    bag[metadata.Groups[1].Value] = value;
                }
            }
            else if (key is "email" or "name" or "phone" or "description" or "business_name" or "individual_name")
            {
                // An empty string unsets the field, as Stripe documents for updates.
                customer[key] = value.Length == 0 ? null : value;
            }
        }
    }

    private void Emit(string type, JsonObject customer, JsonObject? previous)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var data = new JsonObject { ["object"] = Public(customer) };
        if (previous is not null)
        {
            data["previous_attributes"] = previous;
        }

        var evt = new JsonObject
        {
            ["id"] = $"evt_LB{Interlocked.Increment(ref _eventSequence):D12}",
            ["object"] = "event",
            ["api_version"] = global::Stripe.StripeConfiguration.ApiVersion,
            ["created"] = created,
            ["data"] = data,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["type"] = type,
        };
        CustomerEvents.Enqueue(evt);
        Lists.GetOrAdd("events", _ => new ConcurrentQueue<JsonObject>()).Enqueue(evt);
    }

    // Newest first, ties by id descending: Stripe's list order (the loopback's ids grow with each create).
    private JsonObject[] Newest() => Sorted("customers").Sorted;

    private void Store(JsonObject customer)
    {
        _customers[customer["id"]!.GetValue<string>()] = customer;
        Lists.GetOrAdd("customers", _ => new ConcurrentQueue<JsonObject>()).Enqueue(customer);
    }

    private JsonObject? Find(string id) =>
        _customers.TryGetValue(id, out var customer) ? customer : Newest().FirstOrDefault(c => c["id"]?.GetValue<string>() == id);

    private static JsonObject Public(JsonObject customer) => (JsonObject)customer.DeepClone();

    // Into both journals: Requests is what the other endpoints record (the backfill's tests read it).
    private void Journal(string method, HttpRequest request, IReadOnlyDictionary<string, string>? form, int status, bool replayed)
    {
        var fields = form ?? new Dictionary<string, string>();
        Requests.Enqueue((request.Path + request.QueryString, fields, request.Headers.Authorization.ToString()));
        CustomerRequests.Enqueue(new StripeCustomerRequest(method, request.Path + request.QueryString, fields, request.Headers["Idempotency-Key"].ToString(), status, replayed));
    }

    // Stripe's search syntax for the clauses the product uses: field:'value' or metadata['key']:'value', joined by AND.
    private static bool TryParseSearch(string query, out List<SearchClause> clauses)
    {
        clauses = [];
        foreach (var part in Regex.Split(query, @"\s+AND\s+"))
        {
            var match = SearchClausePattern().Match(part.Trim());
            if (!match.Success)
            {
                return false;
            }

            var value = Regex.Replace(match.Groups["value"].Value, @"\\(.)", "$1");
            clauses.Add(new SearchClause(match.Groups["meta"].Success ? match.Groups["meta"].Value : null, match.Groups["field"].Value, value));
        }

        return clauses.Count > 0;
    }

    private static IResult Json(int status, JsonObject body) => new JsonResult(status, body.ToJsonString(), null);

    private static IResult Error(int status, string type, string? code, string message, string? param, IReadOnlyDictionary<string, string>? headers = null) =>
        new JsonResult(status, ErrorBody(type, code, message, param).ToJsonString(), headers);

    private static JsonObject ErrorBody(string type, string? code, string message, string? param)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
        {
            error["code"] = code;
            error["doc_url"] = $"https://stripe.com/docs/error-codes/{code.Replace('_', '-')}";
        }

        if (param is not null)
        {
            error["param"] = param;
        }

        return new JsonObject { ["error"] = error };
    }

    [GeneratedRegex(@"^metadata\[([^\]]+)\]$")]
    private static partial Regex MetadataKey();

    [GeneratedRegex(@"^(?:metadata\['(?<meta>[^']+)'\]|(?<field>email|name|phone)):'(?<value>(?:[^'\\]|\\.)*)'$")]
    private static partial Regex SearchClausePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    private sealed record SearchClause(string? MetadataKey, string Field, string Value)
    {
        public bool Matches(JsonObject customer) => MetadataKey is null
            ? customer[Field]?.GetValue<string>() == Value
            : customer["metadata"]?[MetadataKey]?.GetValue<string>() == Value;
    }

    private sealed class JsonResult(int status, string body, IReadOnlyDictionary<string, string>? headers) : IResult
    {
        public int Status => status;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.Headers["Request-Id"] = "req_loopback_" + Guid.NewGuid().ToString("N")[..14];
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                httpContext.Response.Headers[name] = value;
            }

            await httpContext.Response.WriteAsync(body);
        }
    }
}
