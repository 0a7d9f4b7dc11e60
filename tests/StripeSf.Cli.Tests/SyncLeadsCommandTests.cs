using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Storage;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf sync-leads</c> against LoopbackStripe, LoopbackSalesforce and Azurite's table service over real HTTP.</summary>
public sealed class SyncLeadsCommandTests(ITestOutputHelper log) : IAsyncLifetime
{
    private Azurite _azurite = null!;

    public async Task InitializeAsync() => _azurite = await Azurite.StartTableAsync();

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task SyncLeads_DryRunThenRun_PrintsProgressAndProblems_WritesOnlyWhenNotDry()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "leads", ClientSecret = "leads", StrictFields = true });
        var good = Lead(salesforce, "Lovelace", "Analytical Engines", "ada@example.com");
        var bad = Lead(salesforce, "Hopper", "Navy", "grace(at)navy");
        var settings = Settings(salesforce, stripe);

        using var dryOutput = new StringWriter();
        var dryExit = await SyncLeadsCommand.RunAsync(settings, null, dryRun: true, dryOutput, TextWriter.Null, CancellationToken.None);

        log.WriteLine(dryOutput.ToString());
        Assert.Equal(0, dryExit);
        Assert.Contains("dry run: nothing is written", dryOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 Leads read: 1 created, 0 updated, 0 unchanged, 1 skipped", dryOutput.ToString(), StringComparison.Ordinal);
        Assert.Empty(stripe.Customers);
        Assert.Null(Record(salesforce, good)["Stripe_Sync_Status__c"]);

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SyncLeadsCommand.RunAsync(settings, null, dryRun: false, output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exit);
        Assert.Contains("… 2 read (1 created, 0 updated, 0 unchanged, 1 not synced)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Skipped   {bad} Invalid email 'grace(at)navy' (Email)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("saved;", output.ToString(), StringComparison.Ordinal);
        var customer = Assert.Single(stripe.Customers);
        Assert.Equal(customer["id"]!.GetValue<string>(), Record(salesforce, good)["Stripe_Customer_Id__c"]!.GetValue<string>());
        Assert.Equal("Skipped", Record(salesforce, bad)["Stripe_Sync_Status__c"]!.GetValue<string>());
    }

    [Fact]
    public async Task SyncLeads_WithoutStripeKeyOrWithABadSince_ExitsTwoNamingEachProblem()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "leads", ClientSecret = "leads" });
        using var error = new StringWriter();

        var exit = await SyncLeadsCommand.RunAsync(Settings(salesforce, stripe, stripeKey: null), "last tuesday", dryRun: false, TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("Stripe__ApiKey is required: a restricted key (rk_…) with write access to customers", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--since last tuesday is not a UTC time", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    private static string Lead(LoopbackSalesforce salesforce, string lastName, string company, string email)
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
        return salesforce.Seed("Lead", new JsonObject
        {
            ["FirstName"] = "Ada", ["LastName"] = lastName, ["Company"] = company, ["Email"] = email,
            ["Sync_To_Stripe__c"] = true, ["IsConverted"] = false, ["SystemModstamp"] = at, ["LastModifiedDate"] = at,
        });
    }

    private static JsonObject Record(LoopbackSalesforce salesforce, string id) => salesforce.Records("Lead").Single(r => r["Id"]!.GetValue<string>() == id);

    private IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe, string? stripeKey = "rk_test_leads") =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "leads",
            ["Salesforce:ClientSecret"] = "leads",
            ["Stripe:ApiKey"] = stripeKey,
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["LeadSync:WatermarkTable"] = "Cli" + Guid.NewGuid().ToString("N")[..12],
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build();
}
