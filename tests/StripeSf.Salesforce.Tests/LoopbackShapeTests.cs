using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

/// <summary>The loopback server answers with the same status codes and body shapes as the real Salesforce fixtures.</summary>
public sealed class LoopbackShapeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "salesforce");
    private readonly HttpClient http = new();
    private LoopbackSalesforce server = null!;

    public async Task InitializeAsync()
    {
        server = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientSecret = "s" });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "c", ["client_secret"] = "s" });
        var token = JsonNode.Parse(await (await http.PostAsync(new Uri(server.BaseUrl, "/services/oauth2/token"), form)).Content.ReadAsStringAsync())!;
        AssertSameKeys(Fixture("oauth_token_username_password.json")["body"]!, token, ignore: ["scope", "token_type"]);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["access_token"]!.GetValue<string>());
    }

    public async Task DisposeAsync()
    {
        foreach (var line in server.CallLog)
        {
            output.WriteLine(line);
        }

        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Upsert_CreatedThenUpdated_MatchesDocumentedStatusAndBody()
    {
        var (status1, body1, limit) = await SendAsync(HttpMethod.Patch, "sobjects/Account/Stripe_Customer_Id__c/cus_1", """{"Name":"A"}""");
        var (status2, body2, _) = await SendAsync(HttpMethod.Patch, "sobjects/Account/Stripe_Customer_Id__c/cus_1", """{"Name":"B"}""");

        Assert.Equal(201, status1);
        AssertSameKeys(Fixture("upsert_external_id_created.json")["body"]!, body1!);
        Assert.Equal(200, status2);
        AssertSameKeys(Fixture("upsert_external_id_updated.json")["body"]!, body2!);
        Assert.Matches(@"^api-usage=\d+/\d+$", limit);
    }

    [Fact]
    public async Task Errors_TopLevelAndPerRecord_UseDocumentedKeys()
    {
        var (status, body, _) = await SendAsync(HttpMethod.Patch, "sobjects/Account/Nope__c/x", "{}");
        Assert.Equal(404, status);
        Assert.Equal("NOT_FOUND", body![0]!["errorCode"]!.GetValue<string>());
        Assert.NotNull(body[0]!["message"]);

        var (cStatus, cBody, _) = await SendAsync(HttpMethod.Patch, "composite/sobjects/Account/Stripe_Customer_Id__c",
            """{"allOrNone":false,"records":[{"attributes":{"type":"Account"},"Stripe_Customer_Id__c":"cus_9","Name":"ok"},{"attributes":{"type":"Account"},"Name":"no key"}]}""");
        Assert.Equal(200, cStatus);
        AssertSameKeys(Fixture("sobject_collections_upsert_success.json")["body"]![0]!, cBody![0]!);
        AssertSameKeys(Fixture("sobject_collections_upsert_partial_failure_allOrNone_false.json")["body"]![1]!["errors"]![0]!, cBody[1]!["errors"]![0]!);

        server.ExpireTokens();
        var (sStatus, sBody, _) = await SendAsync(HttpMethod.Get, "limits", null);
        Assert.Equal(401, sStatus);
        Assert.Equal("INVALID_SESSION_ID", sBody![0]!["errorCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_MorePages_UsesNextRecordsUrlShape()
    {
        for (var i = 0; i < 3; i++)
        {
            server.Seed("Contact", new JsonObject { ["LastName"] = $"n{i}" });
        }

        var (status, body, _) = await SendAsync(HttpMethod.Get, "query?q=" + Uri.EscapeDataString("SELECT Id, LastName FROM Contact"), null);

        Assert.Equal(200, status);
        Assert.Equal(3, body!["totalSize"]!.GetValue<int>());
        Assert.True(body["done"]!.GetValue<bool>());
        AssertSameKeys(Fixture("soql_query_first_page_done_true.json")["body"]!["records"]![0]!["attributes"]!, body["records"]![0]!["attributes"]!);
    }

    private async Task<(int Status, JsonNode? Body, string? Limit)> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, new Uri(server.BaseUrl, "/services/data/v68.0/" + path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var limit = response.Headers.TryGetValues("Sforce-Limit-Info", out var values) ? values.First() : null;
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), limit);
    }

    private static JsonNode Fixture(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureRoot, name)))!;

    private static void AssertSameKeys(JsonNode expected, JsonNode actual, string[]? ignore = null)
    {
        var want = expected.AsObject().Select(p => p.Key).Order().ToArray();
        var got = actual.AsObject().Select(p => p.Key).Where(k => ignore?.Contains(k) != true).Order().ToArray();
        Assert.Equal(want, got);
    }
}
