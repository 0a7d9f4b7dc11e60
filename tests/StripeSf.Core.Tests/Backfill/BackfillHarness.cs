using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Core.Backfill;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Processing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.StripeApi;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Backfill;

/// <summary>
/// LoopbackStripe with customers, LoopbackSalesforce with Bulk API 2.0 (jobs complete at once), the
/// production planner (mapping) and Bulk client, and the live processing container for events.
/// </summary>
internal sealed class BackfillHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset ReadAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _planning;
    private readonly ServiceProvider _salesforceServices;

    private BackfillHarness(LoopbackStripe stripe, LoopbackSalesforce salesforce, string directory)
    {
        Stripe = stripe;
        Salesforce = salesforce;
        Directory = directory;
        _planning = new ServiceCollection().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddLogging().AddEventPlanning().BuildServiceProvider();
        _salesforceServices = LoopbackServices.Build(salesforce);
        Time = new FakeTimeProvider(ReadAt);
    }

    public LoopbackStripe Stripe { get; }

    public LoopbackSalesforce Salesforce { get; }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public string CheckpointPath => Path.Combine(Directory, "checkpoint.json");

    /// <summary>The live pipeline (webhook events) against the same org.</summary>
    public ServiceProvider Live => _salesforceServices;

    public static async Task<BackfillHarness> StartAsync()
    {
        var stripe = await LoopbackStripe.StartAsync();
        var options = LoopbackServices.Org();
        options.BulkPollsUntilComplete = 0;
        var salesforce = await LoopbackSalesforce.StartAsync(options);
        var directory = Path.Combine(Path.GetTempPath(), "stripesf-backfill-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new BackfillHarness(stripe, salesforce, directory);
    }

    public BackfillRunner Runner() => new(
        new ReconciliationStripeClient(Options.Create(new StripeApiOptions { ApiKey = "rk_test_backfill", ApiBase = Stripe.BaseUrl })),
        new BackfillMapper(_planning.GetRequiredService<EventPlanner>(), _planning.GetRequiredService<IOptions<StripeSf.Core.Mapping.SalesforceMappingOptions>>().Value),
        _salesforceServices.GetRequiredService<SalesforceBulkClient>(),
        new BackfillContactClaims(_salesforceServices.GetRequiredService<StripeSf.Salesforce.ISalesforceClient>(), Options.Create(new StripeSf.Core.Mapping.SalesforceMappingOptions())),
        Time);

    public BackfillRequest Request(bool dryRun = false, bool resume = false, int chunkSize = 5) =>
        new(null, [BackfillObjects.Customers], CheckpointPath, dryRun, resume, chunkSize);

    /// <summary>Every object type (given children first: the runner orders them).</summary>
    public BackfillRequest RequestAll(bool dryRun = false, bool resume = false, int chunkSize = 5) =>
        new(null, [.. BackfillObjects.All.Reverse()], CheckpointPath, dryRun, resume, chunkSize);

    /// <summary>When the first customer of <see cref="History"/> was created (2026-05-28, half a year before the read).</summary>
    public const long HistoryStart = 1_780_000_000;

    /// <summary><paramref name="count"/> customers cus_bh000000… with their history (<see cref="StripeHistory"/>), created a minute apart.</summary>
    public int History(int count)
    {
        var objects = 0;
        for (var i = 0; i < count; i++)
        {
            objects += StripeHistory.AddCustomer(Stripe, "bh", i, HistoryStart + (i * 60));
        }

        return objects;
    }

    /// <summary><paramref name="count"/> customers cus_bf000…, created a minute apart.</summary>
    public void Customers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            Stripe.Add("customers", StripeObjects.Customer($"cus_bf{n}", $"Backfill Co {n}", $"billing{n}@backfill.example.com", 1_790_000_000 + (i * 60)));
        }
    }

    public Dictionary<string, JsonObject> ByCustomer(string sObject) =>
        Salesforce.Records(sObject).Where(r => r["Stripe_Customer_Id__c"] is not null).ToDictionary(r => r["Stripe_Customer_Id__c"]!.ToString(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _planning.DisposeAsync();
        await _salesforceServices.DisposeAsync();
        await Salesforce.DisposeAsync();
        await Stripe.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Keeps what the runner reported; <see cref="OnJobStarted"/> can simulate a crash.</summary>
    internal sealed class RecordingProgress : IBackfillProgress
    {
        public List<(string SObject, string JobId, int Rows, string ObjectType)> Jobs { get; } = [];

        public int Chunks { get; private set; }

        /// <summary>Stripe's estimate per object type as the list started, and the count read before it (a resume's checkpoint).</summary>
        public Dictionary<string, (long? Estimate, long ReadBefore)> Started { get; } = new(StringComparer.Ordinal);

        /// <summary>Every chunk's read count per object type, in order.</summary>
        public List<(string ObjectType, long Read)> Reads { get; } = [];

        public Action<int>? OnJobStarted { get; init; }

        public void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally) => Started[objectType] = (estimatedTotal, tally.Read);

        public void ChunkDone(string objectType, BackfillTally tally)
        {
            Chunks++;
            Reads.Add((objectType, tally.Read));
        }

        public void JobStarted(string objectType, string sObject, string jobId, int rows)
        {
            Jobs.Add((sObject, jobId, rows, objectType));
            OnJobStarted?.Invoke(Jobs.Count);
        }

        public void ObjectDone(string objectType, BackfillTally tally)
        {
        }
    }
}
