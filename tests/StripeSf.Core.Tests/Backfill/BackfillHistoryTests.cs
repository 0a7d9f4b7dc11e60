using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Backfill;
using StripeSf.Core.Replay;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Backfill;

/// <summary>
/// The backfill of every object type (customers with subscriptions, invoices, charges, refunds and
/// disputes) over real HTTP: LoopbackStripe lists, LoopbackSalesforce Bulk API 2.0 jobs, and the live
/// pipeline for the webhook events it races with.
/// </summary>
public sealed class BackfillHistoryTests(ITestOutputHelper output)
{
    // The health facts (the basis), not Customer_Health__c: the past-due rule's queries have no Bulk form, so a
    // backfilled Account's derived health follows the rule from its next health event (README, backfill limits).
    private static readonly string[] Rollups = ["Name", "Subscription_Status__c", "Plan_Name__c", "MRR__c", "ARR__c", "Billing_Status__c", "Last_Payment_Date__c", "Stripe_Health_Basis__c"];

    [Fact]
    public async Task RunAsync_EveryObjectType_WritesParentsFirstAndEveryRecordOnce()
    {
        await using var harness = await BackfillHarness.StartAsync();
        var objects = harness.History(6);
        var progress = new BackfillHarness.RecordingProgress();

        var result = await harness.Runner().RunAsync(harness.RequestAll(chunkSize: 5), progress, CancellationToken.None);

        output.WriteLine($"{objects} Stripe objects; jobs: {string.Join(", ", progress.Jobs.Select(j => $"{j.ObjectType}/{j.SObject} {j.Rows}"))}; Salesforce API calls {harness.Salesforce.ApiCalls}");
        Assert.Empty(result.Failures);
        // Object types one after the other, parents first, whatever the order asked for.
        var order = progress.Jobs.Select(j => BackfillObjects.All.ToList().IndexOf(j.ObjectType)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(BackfillObjects.All, progress.Jobs.Select(j => j.ObjectType).Distinct());
        // Within a chunk the Account's groups come before the records hung on it.
        Assert.Equal("Account", progress.Jobs.First(j => j.ObjectType == BackfillObjects.Subscriptions).SObject);
        Assert.Equal("Account", progress.Jobs.First(j => j.ObjectType == BackfillObjects.Charges).SObject);
        Assert.Equal([6, 6, 18, 18, 2, 1], BackfillObjects.All.Select(t => result.Tallies[t].Read));
        // Stripe lists only live subscriptions by default, and a refund or dispute names its charge, not the customer.
        var paths = harness.Stripe.Requests.Select(r => Uri.UnescapeDataString(r.Path)).ToList();
        Assert.All(paths.Where(p => p.StartsWith("/v1/subscriptions?", StringComparison.Ordinal)), p => Assert.Contains("status=all", p, StringComparison.Ordinal));
        Assert.All(paths.Where(p => p.StartsWith("/v1/refunds", StringComparison.Ordinal) || p.StartsWith("/v1/disputes", StringComparison.Ordinal)), p => Assert.Contains("expand[0]=data.charge", p, StringComparison.Ordinal));
        Assert.All(paths.Where(p => p.StartsWith("/v1/", StringComparison.Ordinal)), p => Assert.Contains("limit=", p, StringComparison.Ordinal));
        Assert.Equal(6, harness.Salesforce.Records("Account").Count);
        Assert.Equal(6, harness.Salesforce.Records("Opportunity").Count);
        Assert.Equal(18, harness.Salesforce.Records("Stripe_Invoice__c").Count);
        // 18 charges and the cumulative refund entry of the two refunded charges (the open dispute is no entry).
        var payments = harness.Salesforce.Records("Stripe_Payment__c");
        Assert.Equal(20, payments.Count);
        Assert.Equal(2, payments.Count(p => (string?)p["Type__c"] == "Refund"));
        var dispute = Assert.Single(harness.Salesforce.Records("Case"));
        var accounts = harness.ByCustomer("Account");
        Assert.Equal(accounts["cus_bh000000"]["Id"]!.ToString(), dispute["AccountId"]!.ToString());
        var invoice = harness.Salesforce.Records("Stripe_Invoice__c").Single(i => (string?)i["Stripe_Invoice_Id__c"] == "in_bh000003_2");
        Assert.Equal(accounts["cus_bh000003"]["Id"]!.ToString(), invoice["Account__c"]!.ToString());
        // Own records carry the read time; so do the Account roll-ups here (the run started at the read).
        Assert.StartsWith("2026-11-25T12:00:00", (string?)invoice["Stripe_Last_Event_At__c"], StringComparison.Ordinal);
        Assert.StartsWith("2026-11-25T12:00:00", (string?)accounts["cus_bh000003"]["Stripe_Payment_Event_At__c"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AccountRollups_EndEqualToReplayingEveryWebhookInAnyOrder()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(8);
        // Small chunks: a customer's older invoices and charges come on later pages, read later.
        var result = await harness.Runner().RunAsync(harness.RequestAll(chunkSize: 4), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        Assert.Empty(result.Failures);
        var backfilled = RollupsOf(harness);

        foreach (var seed in new[] { 1, 2 })
        {
            await using var replay = await BackfillHarness.StartAsync();
            replay.History(8);
            // A delivery order of its own per seed: Stripe does not deliver in order (disputes last: live,
            // a dispute before its charge waits hours for it, longer than this replay lasts).
            var random = new Random(seed);
            var events = Webhooks(replay.Stripe).OrderBy(_ => random.Next()).OrderBy(e => e.Source.StartsWith("dp_", StringComparison.Ordinal)).ToList();
            var results = await replay.Live.GetRequiredService<EventReplayer>().ReplayAsync(events,
                new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.FromMilliseconds(5) }, CancellationToken.None);
            Assert.All(results, r => Assert.Contains(r.State, new[] { ReplayStates.Written, ReplayStates.SkippedStale }));

            Assert.Equal(RollupsOf(replay), backfilled);
        }

        Assert.Contains("Stripe_Health_Basis=Critical", backfilled, StringComparison.Ordinal); // cus 0: the dispute is newer than the refund
        Assert.Contains("Stripe_Health_Basis=At Risk", backfilled, StringComparison.Ordinal); // cus 4: the refund
    }

    [Fact]
    public async Task RunAsync_WebhookNewerThanTheRead_WinsInBothOrders_AndAnOlderOneLoses()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(3);
        var read = BackfillHarness.ReadAt.ToUnixTimeSeconds();
        var replayer = harness.Live.GetRequiredService<EventReplayer>();
        // Before the backfill: a payment an hour after the read (not in the lists) on customer 1.
        var paidLive = TestEvents.Minimal("invoice.paid", "evt_live_paid", StripeObjects.Invoice("in_live", "cus_bh000001", "sub_bh000001", "paid", 5000, 5000, 1, read + 3600, read + 3600, read + 3600), created: read + 3600);
        Assert.Equal(ReplayStates.Written, Assert.Single(await replayer.ReplayAsync([("paid", paidLive)], new ReplayOptions(), CancellationToken.None)).State);

        var result = await harness.Runner().RunAsync(harness.RequestAll(), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        // After the backfill: the subscription going past due two hours after the read (wins), and an
        // hour before the read a stale copy of a charge the backfill read (loses).
        var pastDue = TestEvents.Minimal("customer.subscription.updated", "evt_live_past_due", StripeObjects.Subscription("sub_bh000002", "cus_bh000002", "past_due", 2000, 1, BackfillHarness.HistoryStart + 220, BackfillHarness.HistoryStart + 220), created: read + 7200);
        var staleInvoice = TestEvents.Minimal("invoice.paid", "evt_live_old_invoice", StripeObjects.Invoice("in_bh000002_3", "cus_bh000002", "sub_bh000002", "paid", 9999, 9999, 1, StripeHistory.PaidAt(BackfillHarness.HistoryStart + 120, 3) - 10, read - 3600, StripeHistory.PaidAt(BackfillHarness.HistoryStart + 120, 3) - 10), created: read - 3600);
        var late = await replayer.ReplayAsync([("pastDue", pastDue), ("stale", staleInvoice)], new ReplayOptions { Concurrency = 1 }, CancellationToken.None);

        Assert.Empty(result.Failures);
        var accounts = harness.ByCustomer("Account");
        var live = accounts["cus_bh000001"];
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(read + 3600).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)live["Last_Payment_Date__c"]);
        // Elsewhere the newest charge of the history (the third), not an older one read on a later page.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(StripeHistory.PaidAt(BackfillHarness.HistoryStart, 3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)accounts["cus_bh000000"]["Last_Payment_Date__c"]);
        Assert.Equal(10, harness.Salesforce.Records("Stripe_Invoice__c").Count); // the live one and the 9 backfilled
        Assert.True(result.Tallies[BackfillObjects.Invoices].Stale + result.Tallies[BackfillObjects.Charges].Stale >= 2, "the backfill's last payment of customer 1 is refused as stale, from invoices and charges alike");
        // The stale invoice.paid loses everything it states (its invoice and the roll-ups, below); it is
        // "written" only because the health rule, reading the stored facts, gives the backfilled Account the
        // Customer_Health__c the backfill does not derive (no Bulk form for the rule's queries).
        Assert.Equal([ReplayStates.Written, ReplayStates.Written], late.Select(r => r.State));
        Assert.Equal("Healthy", (string?)accounts["cus_bh000002"]["Customer_Health__c"]);
        Assert.Equal("past_due", (string?)accounts["cus_bh000002"]["Subscription_Status__c"]);
        var invoice = harness.Salesforce.Records("Stripe_Invoice__c").Single(p => (string?)p["Stripe_Invoice_Id__c"] == "in_bh000002_3");
        Assert.Equal("20", invoice["Amount_Paid__c"]!.ToString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(StripeHistory.PaidAt(BackfillHarness.HistoryStart + 120, 3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)accounts["cus_bh000002"]["Last_Payment_Date__c"]);
    }

    [Fact]
    public async Task RunAsync_ClockMovingBetweenPages_RollupsCarryTheRunStartSoALivePaymentAfterItWins()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(6);
        // Every read of the clock is a minute later: each page of the lists is read a minute after the last.
        harness.Time.AutoAdvanceAmount = TimeSpan.FromMinutes(1);
        var started = BackfillHarness.ReadAt.ToUnixTimeSeconds();
        // Customer 5 pays 30 s after the run started, before the backfill reaches its older invoices
        // (read minutes later): a read-time guard on the roll-up would let them overwrite this payment.
        var paid = TestEvents.Minimal("invoice.paid", "evt_live_paid", StripeObjects.Invoice("in_live", "cus_bh000005", "sub_bh000005", "paid", 5000, 5000, 1, started + 30, started + 30, started + 30), created: started + 30);
        Assert.Equal(ReplayStates.Written, Assert.Single(await harness.Live.GetRequiredService<EventReplayer>().ReplayAsync([("paid", paid)], new ReplayOptions(), CancellationToken.None)).State);

        var result = await harness.Runner().RunAsync(harness.RequestAll(chunkSize: 5), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Empty(result.Failures);
        var accounts = harness.ByCustomer("Account");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(started + 30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)accounts["cus_bh000005"]["Last_Payment_Date__c"]);
        Assert.StartsWith("2026-11-25T12:00:30", (string?)accounts["cus_bh000005"]["Stripe_Payment_Event_At__c"], StringComparison.Ordinal);
        // The others: the roll-up guard is the run's start, the invoice's own record its page's later read time.
        Assert.StartsWith("2026-11-25T12:00:00", (string?)accounts["cus_bh000000"]["Stripe_Payment_Event_At__c"], StringComparison.Ordinal);
        var invoice = harness.Salesforce.Records("Stripe_Invoice__c").Single(i => (string?)i["Stripe_Invoice_Id__c"] == "in_bh000000_1");
        Assert.True(string.CompareOrdinal((string?)invoice["Stripe_Last_Event_At__c"], "2026-11-25T12:05") > 0, $"invoice read at {invoice["Stripe_Last_Event_At__c"]}");
    }

    [Fact]
    public async Task RunAsync_SubscriptionNamingAnOpportunity_ClosesThatOpportunityWithAContractInsteadOfANewOne()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(2);
        var deal = harness.Salesforce.Seed("Opportunity", new JsonObject { ["Name"] = "Acme deal (from sales)", ["StageName"] = "Negotiation", ["CloseDate"] = "2026-12-31" });
        var subscription = harness.Stripe.Lists["subscriptions"].Single(s => (string?)s["id"] == "sub_bh000001");
        subscription["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = deal };

        var result = await harness.Runner().RunAsync(harness.RequestAll(), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Empty(result.Failures);
        var opportunities = harness.Salesforce.Records("Opportunity");
        Assert.Equal(2, opportunities.Count);
        var closed = opportunities.Single(o => o["Id"]!.ToString() == deal);
        Assert.Equal("sub_bh000001", (string?)closed["Stripe_Subscription_Id__c"]);
        Assert.Equal("Acme deal (from sales)", (string?)closed["Name"]);
        Assert.Equal("Closed Won", (string?)closed["StageName"]);
        var contract = Assert.Single(harness.Salesforce.Records("Contract"));
        Assert.Equal(harness.ByCustomer("Account")["cus_bh000001"]["Id"]!.ToString(), contract["AccountId"]!.ToString());
    }

    [Fact]
    public async Task RunAsync_AgainWithTheSameStripeHistory_ChangesNothing()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(5);
        await harness.Runner().RunAsync(harness.RequestAll(), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        var before = Snapshot(harness);

        var again = await harness.Runner().RunAsync(harness.RequestAll(), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Equal(before, Snapshot(harness));
        Assert.All(BackfillObjects.All, t => Assert.Equal(0, again.Tallies[t].Created));
        Assert.Empty(again.Failures);
    }

    [Fact]
    public async Task RunAsync_CrashMidJobOfInvoicesThenResume_WritesEveryRecordOnceAndTheNewestRollups()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(6);
        var expected = await ExpectedRollupsAsync(6);
        using var crash = new CancellationTokenSource();
        var invoiceJobs = 0;
        // The process dies right after creating the first job of the second chunk of invoices.
        var crashing = new BackfillHarness.RecordingProgress();
        var crashingWithHook = new CrashingProgress(crashing, (type, _) =>
        {
            if (type == BackfillObjects.Invoices && ++invoiceJobs == 4)
            {
                crash.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner().RunAsync(harness.RequestAll(chunkSize: 5), crashingWithHook, crash.Token));
        var interrupted = BackfillCheckpoint.Load(harness.CheckpointPath)!;
        Assert.True(interrupted.For(BackfillObjects.Subscriptions).Done);
        Assert.False(interrupted.For(BackfillObjects.Invoices).Done);
        Assert.Equal(5, interrupted.For(BackfillObjects.Invoices).Read);
        Assert.Single(interrupted.OpenJobs);
        harness.Stripe.Requests.Clear();

        var resumed = await harness.Runner().RunAsync(harness.RequestAll(resume: true, chunkSize: 5), new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Empty(resumed.Failures);
        Assert.Equal(18, resumed.Tallies[BackfillObjects.Invoices].Read);
        Assert.Equal(18, harness.Salesforce.Records("Stripe_Invoice__c").Count);
        Assert.Equal(20, harness.Salesforce.Records("Stripe_Payment__c").Count);
        Assert.Equal(6, harness.Salesforce.Records("Account").Count);
        Assert.DoesNotContain(harness.Stripe.Requests, r => r.Path.StartsWith("/v1/customers", StringComparison.Ordinal) || r.Path.StartsWith("/v1/subscriptions", StringComparison.Ordinal));
        Assert.Contains("starting_after=in_", harness.Stripe.Requests.First(r => r.Path.StartsWith("/v1/invoices?", StringComparison.Ordinal)).Path, StringComparison.Ordinal);
        Assert.Equal(expected, RollupsOf(harness));
    }

    [Fact]
    public async Task RunAsync_ChildRowsSalesforceRefuses_AreWrittenToTheFailedRowsCsvWithTheReason()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(2);
        // Two payment entries already claim the same charge id: Salesforce cannot tell which one to update.
        harness.Salesforce.Seed("Stripe_Payment__c", new JsonObject { ["Stripe_Payment_Id__c"] = "ch_bh000001_2" });
        harness.Salesforce.Seed("Stripe_Payment__c", new JsonObject { ["Stripe_Payment_Id__c"] = "ch_bh000001_2" });
        var path = Path.Combine(harness.Directory, "failed.csv");

        var result = await harness.Runner().RunAsync(harness.RequestAll(), new BackfillHarness.RecordingProgress(), CancellationToken.None);
        BackfillFailedRows.Write(path, result.Failures);

        var failure = Assert.Single(result.Failures);
        Assert.Equal((BackfillObjects.Charges, "Stripe_Payment__c", "ch_bh000001_2"), (failure.ObjectType, failure.SObject, failure.ExternalId));
        Assert.Equal(1, result.Tallies[BackfillObjects.Charges].Failed);
        Assert.Contains(await File.ReadAllLinesAsync(path), l => l.StartsWith("charges,Stripe_Payment__c,Stripe_Payment_Id__c,ch_bh000001_2,DUPLICATE_EXTERNAL_ID", StringComparison.Ordinal));
        // Every other entry is written: 6 charges but the refused one, and customer 0's refund.
        Assert.Equal(6, harness.Salesforce.Records("Stripe_Payment__c").Count(p => p["Account__c"] is not null));
    }

    [Fact]
    public async Task RunAsync_DryRunOfMixedObjects_CountsAndSamplesEachTypeAndWritesNothing()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(4);
        harness.Stripe.Add("invoices", StripeObjects.Invoice("in_draft", "cus_bh000001", "sub_bh000001", "draft", 2000, 0, 0, BackfillHarness.HistoryStart + 9000, null, BackfillHarness.HistoryStart + 9000));

        var result = await harness.Runner().RunAsync(harness.RequestAll(dryRun: true) with { Objects = [BackfillObjects.Invoices, BackfillObjects.Disputes, BackfillObjects.Charges] },
            new BackfillHarness.RecordingProgress(), CancellationToken.None);

        Assert.Equal([BackfillObjects.Invoices, BackfillObjects.Charges, BackfillObjects.Disputes], result.Tallies.Keys);
        var invoices = result.Tallies[BackfillObjects.Invoices];
        Assert.Equal((13, 1), (invoices.Read, invoices.Skipped));
        Assert.Equal(12, invoices.Rows["Stripe_Invoice__c"]);
        // The Account's billing status and last payment from the newest invoice of each customer only.
        Assert.Equal(8, invoices.Rows["Account"]);
        Assert.Equal(12, result.Tallies[BackfillObjects.Charges].Rows["Stripe_Payment__c"]);
        Assert.Equal(4, result.Tallies[BackfillObjects.Charges].Rows["Account"]);
        Assert.Equal(1, result.Tallies[BackfillObjects.Disputes].Rows["Account"]);
        Assert.Equal(9, result.Sample.Count);
        Assert.Contains(result.Sample, r => r.SObject == "Case" && r.Cells.GetValueOrDefault("Account.Stripe_Customer_Id__c") == "cus_bh000000");
        Assert.Equal(0, harness.Salesforce.ApiCalls);
        Assert.False(File.Exists(harness.CheckpointPath));
    }

    [Fact]
    public async Task RunAsync_Since_ListsOnlyObjectsCreatedFromThatMoment()
    {
        await using var harness = await BackfillHarness.StartAsync();
        harness.History(3);
        var since = DateTimeOffset.FromUnixTimeSeconds(BackfillHarness.HistoryStart + (60 * 86_400));

        var result = await harness.Runner().RunAsync(harness.RequestAll(dryRun: true) with { Since = since }, new BackfillHarness.RecordingProgress(), CancellationToken.None);

        // The second and third month's invoices and charges; customers and subscriptions are older.
        Assert.Equal([0, 0, 6, 6, 0, 1], BackfillObjects.All.Select(t => result.Tallies[t].Read));
        Assert.Contains(harness.Stripe.Requests, r => Uri.UnescapeDataString(r.Path).Contains($"created[gte]={since.ToUnixTimeSeconds()}", StringComparison.Ordinal));
    }

    // Every object's webhook, created when its state happened (a refund: the charge's charge.refunded).
    private static List<(string Source, byte[] Payload)> Webhooks(LoopbackStripe stripe)
    {
        var charges = stripe.Lists["charges"].ToDictionary(c => c["id"]!.GetValue<string>(), StringComparer.Ordinal);
        var events = new List<(string, byte[])>();
        foreach (var type in BackfillObjects.All)
        {
            foreach (var stripeObject in stripe.Lists.TryGetValue(type, out var list) ? list : [])
            {
                var listed = stripeObject.DeepClone().AsObject();
                if (type == BackfillObjects.Refunds)
                {
                    listed["charge"] = charges[listed["charge"]!.GetValue<string>()].DeepClone();
                }

                var (eventType, eventObject, _) = BackfillSource.EventFor(type, listed);
                var id = listed["id"]!.GetValue<string>();
                events.Add((id, TestEvents.Minimal(type == BackfillObjects.Customers ? "customer.created" : eventType!, $"evt_{id}", eventObject!.DeepClone().AsObject(), created: BackfillSource.AsOf(listed))));
            }
        }

        return events;
    }

    private static async Task<string> ExpectedRollupsAsync(int customers)
    {
        await using var replay = await BackfillHarness.StartAsync();
        replay.History(customers);
        await replay.Live.GetRequiredService<EventReplayer>().ReplayAsync(Webhooks(replay.Stripe), new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.FromMilliseconds(5) }, CancellationToken.None);
        return RollupsOf(replay);
    }

    private static string RollupsOf(BackfillHarness harness)
    {
        var text = new StringBuilder();
        foreach (var (customer, account) in harness.ByCustomer("Account").OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{customer}: {string.Join(" ", Rollups.Select(f => $"{f.Replace("_Status__c", "", StringComparison.Ordinal).Replace("Customer_", "", StringComparison.Ordinal).Replace("__c", "", StringComparison.Ordinal)}={account[f]?.ToString()}"))}");
        }

        return text.ToString();
    }

    private static string Snapshot(BackfillHarness harness)
    {
        var text = new StringBuilder();
        foreach (var type in new[] { "Account", "Contact", "Opportunity", "Stripe_Invoice__c", "Stripe_Payment__c", "Case" })
        {
            foreach (var record in harness.Salesforce.Records(type).Select(r => string.Join(" ", r.Where(f => f.Key is not ("LastModifiedDate" or "SystemModstamp")).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value?.ToJsonString()}"))).Order(StringComparer.Ordinal))
            {
                text.AppendLine(record);
            }
        }

        return text.ToString();
    }

    private sealed class CrashingProgress(BackfillHarness.RecordingProgress inner, Action<string, string> onJobStarted) : IBackfillProgress
    {
        public void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally) => inner.ObjectStarted(objectType, estimatedTotal, tally);

        public void ChunkDone(string objectType, BackfillTally tally) => inner.ChunkDone(objectType, tally);

        public void JobStarted(string objectType, string sObject, string jobId, int rows)
        {
            inner.JobStarted(objectType, sObject, jobId, rows);
            onJobStarted(objectType, sObject);
        }

        public void ObjectDone(string objectType, BackfillTally tally) => inner.ObjectDone(objectType, tally);
    }
}
