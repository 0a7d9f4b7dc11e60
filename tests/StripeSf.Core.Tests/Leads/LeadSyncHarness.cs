using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Leads;
using StripeSf.Core.Tests.Reconciliation;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Stripe;
using StripeSf.Testing.Storage;

namespace StripeSf.Core.Tests.Leads;

/// <summary>
/// The production Lead sync container pointed at a loopback Salesforce, a loopback Stripe and a real
/// Azurite table service (one table per harness), over real HTTP; helpers put Leads in the org.
/// </summary>
internal sealed class LeadSyncHarness : IAsyncDisposable
{
    private int _sequence;

    private LeadSyncHarness(LoopbackStripe stripe, LoopbackSalesforce salesforce, ServiceProvider services, TableClient table, CapturingLoggerProvider logs)
    {
        Stripe = stripe;
        Salesforce = salesforce;
        Services = services;
        Table = table;
        Logs = logs;
    }

    public LoopbackStripe Stripe { get; }

    public LoopbackSalesforce Salesforce { get; }

    public ServiceProvider Services { get; }

    /// <summary>The watermark's table in Azurite.</summary>
    public TableClient Table { get; }

    public CapturingLoggerProvider Logs { get; }

    public LeadSyncRunner Runner => Services.GetRequiredService<LeadSyncRunner>();

    /// <summary>sObject Collections update calls (PATCH composite/sobjects) Salesforce received.</summary>
    public int WriteBackCalls => Salesforce.CallLog.Count(c => c.StartsWith("PATCH /services/data/v", StringComparison.Ordinal) && c.Contains("/composite/sobjects →", StringComparison.Ordinal));

    public static async Task<LeadSyncHarness> StartAsync(Azurite azurite, IDictionary<string, string?>? settings = null, int maxStripeAttempts = 4)
    {
        var stripe = await LoopbackStripe.StartAsync();
        var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "leads", ClientSecret = "leads", StrictFields = true });
        var table = "Leads" + Guid.NewGuid().ToString("N")[..20];
        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "leads",
            ["Salesforce:ClientSecret"] = "leads",
            ["Stripe:ApiKey"] = "rk_test_leads",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LeadSync:WatermarkTable"] = table,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(logs))
            // Milliseconds instead of half a second between retries, so rate-limit tests stay quick.
            .AddSingleton(new StripeCallPolicy(maxStripeAttempts, TimeSpan.FromMilliseconds(5)))
            .AddSalesforceClient(configuration)
            .AddLeadSync(configuration);
        return new LeadSyncHarness(stripe, salesforce, services.BuildServiceProvider(), new TableServiceClient(azurite.ConnectionString).GetTableClient(table), logs);
    }

    /// <summary>A Lead selected for the sync, changed five minutes ago (or at <paramref name="changedAt"/>); returns its id.</summary>
    public string Lead(string? lastName, string? company, string? email, string? firstName = "Ada", bool sync = true, bool converted = false, DateTimeOffset? changedAt = null, string? phone = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        // Changed a few minutes ago, a millisecond apart, as a list view edit or an import leaves them.
        var at = (changedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5)).AddMilliseconds(n);
        return Salesforce.Seed("Lead", new JsonObject
        {
            ["FirstName"] = firstName,
            ["LastName"] = lastName,
            ["Company"] = company,
            ["Email"] = email,
            ["Phone"] = phone,
            ["Status"] = "Open - Not Contacted",
            ["Sync_To_Stripe__c"] = sync,
            ["IsConverted"] = converted,
            ["CreatedDate"] = Stamp(at),
            ["SystemModstamp"] = Stamp(at),
            ["LastModifiedDate"] = Stamp(at),
        });
    }

    /// <summary>Leads in order of creation, with ids.</summary>
    public IReadOnlyList<string> Leads(int count, string prefix = "lead")
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(Lead($"Last{i}", $"Company {i}", $"{prefix}{i}@example.com"));
        }

        return ids;
    }

    /// <summary>A user edits the Lead: the fields change and so does its SystemModstamp.</summary>
    public void Edit(string leadId, JsonObject changes)
    {
        var record = Record(leadId);
        foreach (var (key, value) in changes)
        {
            record[key] = value?.DeepClone();
        }

        record["SystemModstamp"] = Stamp(DateTimeOffset.UtcNow);
        record["LastModifiedDate"] = record["SystemModstamp"]!.DeepClone();
        Salesforce.Seed("Lead", record);
    }

    public JsonObject Record(string leadId) => Salesforce.Records("Lead").Single(r => r["Id"]!.GetValue<string>() == leadId);

    public string? Field(string leadId, string field) => Record(leadId)[field]?.ToString();

    public JsonObject? CustomerOf(string leadId) =>
        Stripe.Customers.SingleOrDefault(c => c["metadata"]?["salesforce_lead_id"]?.GetValue<string>() == leadId);

    /// <summary>The watermark as stored in the table, or null.</summary>
    public async Task<LeadWatermark?> StoredWatermarkAsync()
    {
        if (!await TableExistsAsync())
        {
            return null;
        }

        var entity = await Table.GetEntityIfExistsAsync<TableEntity>("lead-sync", "Lead");
        return entity.HasValue && entity.Value is { } row ? new LeadWatermark(row.GetDateTimeOffset("Modstamp")!.Value, row.GetString("LeadId")) : null;
    }

    public Task<LeadSyncResult> RunAsync(LeadSyncRequest? request = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(request ?? new LeadSyncRequest(), null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Salesforce.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    private async Task<bool> TableExistsAsync()
    {
        var service = new TableServiceClient(Services.GetRequiredService<IConfiguration>()["AzureWebJobsStorage"]);
        await foreach (var item in service.QueryAsync(t => t.Name == Table.Name))
        {
            return item is not null;
        }

        return false;
    }
}
