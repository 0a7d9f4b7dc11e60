using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StripeSf.Testing.Stripe;

/// <summary>
/// Stripe's Search API for charges, invoices and subscriptions (<c>GET /v1/{kind}/search</c>) over the
/// registered lists, and the parts every search endpoint shares (customers' too): the
/// <c>search_result</c> shape (<c>object</c>, <c>data</c>, <c>has_more</c>, <c>next_page</c>,
/// <c>url</c>, and <c>total_count</c> only with <c>expand[]=total_count</c>), <c>limit</c> (default 10),
/// <c>page</c> (the previous answer's <c>next_page</c>), <c>created</c> clauses
/// (<c>created&gt;=N</c>, <c>&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>:</c>) joined by <c>AND</c>, and
/// <see cref="RefuseSearch"/> (a restricted key without search, or a refused query).
/// </summary>
public sealed partial class LoopbackStripe
{
    private (int Status, string Type, string? Code, string Message)? _searchRefusal;

    /// <summary>
    /// Every search answers <paramref name="status"/> with Stripe's error shape until called with null
    /// (e.g. 403 as Stripe answers a restricted key that lacks the permission).
    /// </summary>
    public void RefuseSearch(int? status, string message = "The provided key 'rk_test_***' does not have the required permissions for this endpoint. Having the 'rak_customer_read' permission would allow this request to continue.", string type = "invalid_request_error", string? code = null) =>
        _searchRefusal = status is { } s ? (s, type, code, message) : null;

    private void MapSearch(WebApplication app) =>
        app.MapGet("/v1/{kind}/search", (HttpRequest request, string kind) =>
        {
            var path = request.Path + request.QueryString;
            if (kind is not ("charges" or "invoices" or "subscriptions"))
            {
                Requests.Enqueue((path, new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
                return Error(404, "invalid_request_error", null, $"Unrecognized request URL (GET: /v1/{kind}/search).", null);
            }

            var answer = Search(kind, request, Sorted(kind).Sorted, SearchFieldClause);
            Requests.Enqueue((path, new Dictionary<string, string>(), request.Headers.Authorization.ToString()));
            return answer;
        });

    /// <summary>
    /// The search answer over <paramref name="candidates"/> (newest first): the refusal if one is set,
    /// 400 for a query it cannot parse (<paramref name="field"/> parses the kind's own clauses), else the page.
    /// </summary>
    private IResult Search(string kind, HttpRequest request, IEnumerable<JsonObject> candidates, Func<string, Func<JsonObject, bool>?> field)
    {
        if (_searchRefusal is { } refusal)
        {
            return Error(refusal.Status, refusal.Type, refusal.Code, refusal.Message, null);
        }

        var query = request.Query["query"].ToString();
        var filters = new List<Func<JsonObject, bool>>();
        foreach (var part in query.Length == 0 ? [] : Regex.Split(query, @"\s+AND\s+"))
        {
            if ((CreatedClause(part.Trim()) ?? field(part.Trim())) is not { } filter)
            {
                return Error(400, "invalid_request_error", "parameter_invalid", $"Invalid search query: {query}", "query");
            }

            filters.Add(filter);
        }

        if (filters.Count == 0)
        {
            return Error(400, "invalid_request_error", "parameter_missing", "Missing required param: query.", "query");
        }

        var matches = candidates.Where(o => filters.All(f => f(o))).ToList();
        var limit = request.Query.TryGetValue("limit", out var l) ? int.Parse(l.ToString(), CultureInfo.InvariantCulture) : 10;
        var start = request.Query.TryGetValue("page", out var page) && page.ToString().StartsWith("page_lb_", StringComparison.Ordinal)
            ? int.Parse(page.ToString()["page_lb_".Length..], CultureInfo.InvariantCulture) : 0;
        var more = matches.Count > start + limit;
        var body = new JsonObject
        {
            ["object"] = "search_result",
            ["data"] = new JsonArray([.. matches.Skip(start).Take(limit).Select(o => (JsonNode)o.DeepClone())]),
            ["has_more"] = more,
            ["next_page"] = more ? $"page_lb_{start + limit}" : null,
            ["url"] = $"/v1/{kind}/search",
        };
        if (request.Query.Any(q => q.Key.StartsWith("expand", StringComparison.Ordinal) && q.Value.Contains("total_count")))
        {
            body["total_count"] = matches.Count;
        }

        return Json(200, body);
    }

    // created>=N, created>N, created<N, created<=N, created:N (unix seconds).
    private static Func<JsonObject, bool>? CreatedClause(string part)
    {
        var match = Regex.Match(part, @"^created(?<op>>=|<=|>|<|:)(?<value>\d+)$");
        if (!match.Success)
        {
            return null;
        }

        var value = long.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        Func<long, bool> test = match.Groups["op"].Value switch
        {
            ">=" => c => c >= value,
            "<=" => c => c <= value,
            ">" => c => c > value,
            "<" => c => c < value,
            _ => c => c == value,
        };
        return o => test(o["created"]?.GetValue<long>() ?? 0);
    }

    // status:'x' and customer:'x' of charges, invoices and subscriptions.
    private static Func<JsonObject, bool>? SearchFieldClause(string part)
    {
        var match = Regex.Match(part, @"^(?<field>status|customer):'(?<value>[^']*)'$");
        return match.Success ? o => Owner(o, match.Groups["field"].Value) == match.Groups["value"].Value : null;
    }
}
