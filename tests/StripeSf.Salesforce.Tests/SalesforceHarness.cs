using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Salesforce.Budget;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Salesforce.Http;
using StripeSf.Testing.LoopbackSalesforce;
using Xunit.Abstractions;

namespace StripeSf.Salesforce.Tests;

/// <summary>A loopback org plus the real client wired through <see cref="SalesforceServiceCollectionExtensions.AddSalesforceClient"/>; prints the API calls a test used.</summary>
internal sealed class SalesforceHarness : IAsyncDisposable
{
    public const string ClientId = "3MVG9-loopback-consumer-key";
    public const string Username = "integration@stripesf.example";

    private readonly ITestOutputHelper output;

    private SalesforceHarness(ITestOutputHelper output, LoopbackSalesforce server, ServiceProvider services)
    {
        this.output = output;
        Server = server;
        Services = services;
    }

    public LoopbackSalesforce Server { get; }

    public ServiceProvider Services { get; }

    public SalesforceClient Client => Services.GetRequiredService<SalesforceClient>();

    public ISalesforceApiBudget Budget => Services.GetRequiredService<ISalesforceApiBudget>();

    public static async Task<SalesforceHarness> StartAsync(
        ITestOutputHelper output,
        Action<LoopbackSalesforceOptions>? server = null,
        Action<Dictionary<string, string?>>? settings = null)
    {
        var options = new LoopbackSalesforceOptions { ClientId = ClientId, JwtPublicKeyPem = TestKeys.PublicKeyPem };
        server?.Invoke(options);
        var loopback = await LoopbackSalesforce.StartAsync(options);

        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = loopback.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = ClientId,
            ["Salesforce:Username"] = Username,
            ["Salesforce:PrivateKey"] = TestKeys.PrivateKeyPem,
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSalesforceClient(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SalesforceHarness(output, loopback, services);
    }

    /// <summary>A bulk client whose polling waits on <paramref name="time"/> (the HTTP pipeline keeps real time).</summary>
    public SalesforceBulkClient BulkClient(FakeTimeProvider time) =>
        new(Services.GetRequiredService<SalesforceConnection>(), time, Services.GetRequiredService<ILogger<SalesforceBulkClient>>());

    public async ValueTask DisposeAsync()
    {
        output.WriteLine($"API calls used ({Server.ApiCalls} counted against the allowance):");
        foreach (var (kind, count) in Server.CallCounts.OrderBy(c => c.Key))
        {
            output.WriteLine($"  {kind}: {count}");
        }

        foreach (var line in Server.CallLog.Take(40))
        {
            output.WriteLine($"  {(line.Length > 160 ? line[..160] + "…" : line)}");
        }

        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
