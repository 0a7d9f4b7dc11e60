using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Backfill;
using StripeSf.Core.Replay;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Backfill;

/// <summary>The customers backfill over real HTTP: LoopbackStripe lists, LoopbackSalesforce Bulk API 2.0 jobs.</summary>
public sealed class BackfillRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_Customers_WritesAccountsBeforeContactsInBulkJobsGuardedByTheReadTime()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(12);
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.Request(chunkSize: 5), progress, CancellationToken.None);

        output.WriteLine($"jobs: {string.Join(", ", progress.Jobs.Select(j => $"{j.SObject} {j.Rows}"))}; Salesforce API calls {harness.Salesforce.ApiCalls}");
        var tally = result.Tallies[BackfillObjects.Customers];
        Assert.Equal(12, tally.Read);
        Assert.Empty(result.Failures);
        Assert.Equal(0, tally.Stale);
        // Three chunks (5, 5, 2), each: the Account's name, the Account's customer fields, then the Contact,
        // its email and its phone (each guard group a job of its own, as each is a subrequest of its own live).
        Assert.Equal(3, progress.Chunks);
        string[] chunk = ["Account", "Account", "Contact", "Contact", "Contact"];
        Assert.Equal([.. chunk, .. chunk, .. chunk], progress.Jobs.Select(j => j.SObject));
        Assert.Equal([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 2, 2, 2, 2, 2], progress.Jobs.Select(j => j.Rows));
        var accounts = harness.ByCustomer("Account");
        var contacts = harness.ByCustomer("Contact");
        Assert.Equal(12, accounts.Count);
        Assert.Equal(12, contacts.Count);
        Assert.Equal(24, tally.Created);
        Assert.Equal(36, tally.Updated); // the Account's customer fields, the Contact's email and phone, on records the chunk just created
        var account = accounts["cus_bf007"];
        Assert.Equal("Backfill Co 007", (string?)account["Name"]);
        Assert.Equal(account["Id"]!.ToString(), contacts["cus_bf007"]["AccountId"]!.ToString());
        Assert.Equal("billing007@backfill.example.com", (string?)contacts["cus_bf007"]["Email"]);
        Assert.StartsWith("2026-11-25T12:00:00", (string?)account["Stripe_Customer_Event_At__c"], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-25T12:00:00", (string?)contacts["cus_bf007"]["Stripe_Customer_Event_At__c"], StringComparison.Ordinal);
        // One query for the Contacts email matching may claim, then per chunk 3 jobs × (create, upload, close, status, three result sets): no call per record.
        Assert.Equal(1 + (3 * 5 * 7), harness.Salesforce.ApiCalls);
        var checkpoint = BackfillCheckpoint.Load(harness.CheckpointPath)!;
        Assert.True(checkpoint.For(BackfillObjects.Customers).Done);
        Assert.Empty(checkpoint.OpenJobs);
    }

    [Fact]
    public async Task RunAsync_AgainWithTheSameStripeData_ChangesNothing()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(7);
        await harness.Runner().RunAsync(harness.Request(), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        var before = Snapshot(harness);

        var again = await harness.Runner().RunAsync(harness.Request(), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Equal(before, Snapshot(harness));
        Assert.Equal(0, again.Tallies[BackfillObjects.Customers].Created);
        Assert.Empty(again.Failures);
    }

    [Fact]
    public async Task RunAsync_LiveDataNewerThanTheRead_WinsAndALiveEventOlderThanTheReadLoses()
    {
        await using var harness = await BackfillHarness.StartAsync();
        var read = BackfillHarness.ReadAt.ToUnixTimeSeconds();
        harness.Stripe.Add("customers", StripeObjects.Customer("cus_newer", "Newer Co", "read@newer.example.com", read - 86_400));
        harness.Stripe.Add("customers", StripeObjects.Customer("cus_older", "Older Co", "read@older.example.com", read - 86_400));
        var replayer = harness.Live.GetRequiredService<EventReplayer>();
        // A webhook event created an hour after the read, processed before the backfill.
        var newer = TestEvents.Minimal("customer.updated", "evt_newer", StripeObjects.Customer("cus_newer", "Newer Co", "live@newer.example.com", read - 86_400), created: read + 3600);
        Assert.Equal(ReplayStates.Written, Assert.Single(await replayer.ReplayAsync([("newer", newer)], new ReplayOptions(), CancellationToken.None)).State);

        var result = await harness.Runner().RunAsync(harness.Request(), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        // A webhook event created an hour before the read, delivered late (after the backfill).
        var older = TestEvents.Minimal("customer.updated", "evt_older", StripeObjects.Customer("cus_older", "Older Co", "stale@older.example.com", read - 86_400), created: read - 3600);
        var late = Assert.Single(await replayer.ReplayAsync([("older", older)], new ReplayOptions(), CancellationToken.None));

        var contacts = harness.ByCustomer("Contact");
        Assert.Equal("live@newer.example.com", (string?)contacts["cus_newer"]["Email"]);
        Assert.Equal("read@older.example.com", (string?)contacts["cus_older"]["Email"]);
        Assert.Equal(ReplayStates.SkippedStale, late.State);
        Assert.True(result.Tallies[BackfillObjects.Customers].Stale >= 2, $"stale rows: {result.Tallies[BackfillObjects.Customers].Stale}");
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task RunAsync_CrashMidJobThenResume_WritesEveryCustomerOnceWithoutReReadingFinishedChunks()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(12);
        using var crash = new CancellationTokenSource();
        // The first job of the second chunk is created, then the process dies before its upload.
        var crashing = new BackfillHarness.RecordingProgress { OnJobStarted = n => { if (n == 6) { crash.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner().RunAsync(harness.Request(chunkSize: 5), crashing, crash.Token));
        var interrupted = BackfillCheckpoint.Load(harness.CheckpointPath)!;
        Assert.Equal("cus_bf007", interrupted.For(BackfillObjects.Customers).After);
        var open = Assert.Single(interrupted.OpenJobs);
        Assert.False(open.Closed);
        harness.Stripe.Requests.Clear();

        var resumed = await harness.Runner().RunAsync(harness.Request(resume: true, chunkSize: 5), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Equal(12, resumed.Tallies[BackfillObjects.Customers].Read);
        Assert.Empty(resumed.Failures);
        Assert.Equal(12, harness.ByCustomer("Account").Count);
        Assert.Equal(12, harness.ByCustomer("Contact").Count);
        Assert.Equal(12, harness.Salesforce.Records("Account").Count);
        Assert.Equal(12, harness.Salesforce.Records("Contact").Count);
        var firstRead = harness.Stripe.Requests.First(r => r.Path.StartsWith("/v1/customers?", StringComparison.Ordinal));
        Assert.Contains("starting_after=cus_bf007", firstRead.Path, StringComparison.Ordinal);
        Assert.Contains(harness.Salesforce.CallLog, c => c.Contains("bulk-abort", StringComparison.Ordinal) || c.Contains(open.Id, StringComparison.Ordinal));
        Assert.Empty(BackfillCheckpoint.Load(harness.CheckpointPath)!.OpenJobs);
    }

    [Fact]
    public async Task RunAsync_RowsSalesforceRefuses_AreCountedAndWrittenToTheFailedRowsCsvWithTheReason()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(3);
        harness.Stripe.Add("customers", StripeObjects.Customer("cus_dup", "Dup Co", "dup@example.com", 1_790_000_000));
        // Two Accounts already claim the same Stripe id: Salesforce cannot tell which one to update.
        harness.Salesforce.Seed("Account", new JsonObject { ["Name"] = "Dup A", ["Stripe_Customer_Id__c"] = "cus_dup" });
        harness.Salesforce.Seed("Account", new JsonObject { ["Name"] = "Dup B", ["Stripe_Customer_Id__c"] = "cus_dup" });
        var path = Path.Combine(harness.Directory, "failed.csv");

        var result = await harness.Runner().RunAsync(harness.Request(), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        BackfillFailedRows.Write(path, result.Failures);

        var tally = result.Tallies[BackfillObjects.Customers];
        Assert.True(tally.Failed >= 2, $"failed rows: {tally.Failed}");
        Assert.All(result.Failures, f => Assert.Equal("cus_dup", f.ExternalId));
        Assert.Contains(result.Failures, f => f.SObject == "Account" && f.Error.StartsWith("DUPLICATE_EXTERNAL_ID", StringComparison.Ordinal));
        var csv = await File.ReadAllLinesAsync(path);
        Assert.Equal("stripe_object,salesforce_object,external_id_field,external_id,salesforce_error", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("customers,Account,Stripe_Customer_Id__c,cus_dup,DUPLICATE_EXTERNAL_ID", StringComparison.Ordinal));
        Assert.Equal(3, harness.ByCustomer("Contact").Count(c => c.Key.StartsWith("cus_bf", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_CustomerWithTheEmailOfAContactSalesHas_ClaimsItAndItsAccountInsteadOfCreatingDuplicates()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(4);
        var salesAccount = harness.Salesforce.Seed("Account", new JsonObject { ["Name"] = "Acme (from sales)" });
        var salesContact = harness.Salesforce.Seed("Contact", new JsonObject { ["LastName"] = "Buyer", ["Email"] = "billing002@backfill.example.com", ["AccountId"] = salesAccount });
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.Request(), progress, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal(4, harness.Salesforce.Records("Account").Count);
        Assert.Equal(4, harness.Salesforce.Records("Contact").Count);
        var account = harness.ByCustomer("Account")["cus_bf002"];
        Assert.Equal(salesAccount, account["Id"]!.ToString());
        Assert.Equal("Acme (from sales)", (string?)account["Name"]);
        var contact = harness.ByCustomer("Contact")["cus_bf002"];
        Assert.Equal(salesContact, contact["Id"]!.ToString());
        Assert.Equal(salesAccount, contact["AccountId"]!.ToString());
        // The claims run first, by Id, then the upserts by external id update the claimed records.
        Assert.Equal(["Account", "Contact", "Account", "Account", "Contact", "Contact", "Contact"], progress.Jobs.Select(j => j.SObject));
    }

    [Fact]
    public async Task RunAsync_DryRun_ReadsAndMapsButWritesNothing()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.Customers(8);

        var result = await harness.Runner().RunAsync(harness.Request(dryRun: true), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        var tally = result.Tallies[BackfillObjects.Customers];
        Assert.Equal(8, tally.Read);
        Assert.Equal(16, tally.Rows["Account"]);
        Assert.Equal(24, tally.Rows["Contact"]);
        Assert.Equal(3, result.Sample.Count);
        Assert.Equal("Account", result.Sample[0].SObject);
        Assert.Equal(0, harness.Salesforce.ApiCalls);
        Assert.Empty(harness.Salesforce.Records("Account"));
        Assert.False(File.Exists(harness.CheckpointPath));
    }

    [Fact]
    public async Task RunAsync_NotAStripeObjectType_RefusesBeforeReading()
    {
        await using var harness = await BackfillHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Runner().RunAsync(
            harness.Request() with { Objects = ["subscriptions", "coupons"] }, new BackfillHarness.RecordingProgress(), CancellationToken.None));

        Assert.Contains("cannot backfill coupons (Stripe object types: customers, subscriptions", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Stripe.Requests);
    }

    private static string Snapshot(BackfillHarness harness)
    {
        var text = new StringBuilder();
        foreach (var type in new[] { "Account", "Contact" })
        {
            foreach (var record in harness.Salesforce.Records(type).OrderBy(r => r["Stripe_Customer_Id__c"]?.ToString(), StringComparer.Ordinal))
            {
                text.AppendLine(string.Join(" ", record.Where(f => f.Key is not ("LastModifiedDate" or "SystemModstamp")).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value?.ToJsonString()}")));
            }
        }

        return text.ToString();
    }
}
