using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Backfill;
using StripeSf.Cli.Commands;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf backfill</c> against LoopbackStripe and LoopbackSalesforce (Bulk API 2.0) over real HTTP, with plain progress lines.</summary>
public sealed class BackfillCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("stripesf-backfill-cli-").FullName;

    [Fact]
    public async Task Backfill_Customers_PrintsProgressAndTheSummaryAndExitsZero()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf", BulkPollsUntilComplete = 0 });
        AddCustomers(stripe, 4);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options(), new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exitCode);
        Assert.Contains("Bulk job", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("backfill: customers: 4 read; 8 created, 12 updated, 0 skipped as stale (newer live data), 0 failed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("backfill: 5 Bulk jobs; 0 failed rows", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(4, salesforce.Records("Account").Count);
        Assert.Equal("stripe_object,salesforce_object,external_id_field,external_id,salesforce_error", (await File.ReadAllLinesAsync(Path.Combine(_directory, "failed.csv")))[0]);
    }

    [Fact]
    public async Task Backfill_DryRun_PrintsCountsAndASampleAndWritesNothing()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf" });
        AddCustomers(stripe, 5);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options() with { DryRun = true }, new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        Assert.Equal(0, exitCode);
        Assert.Contains("dry run: customers: 5 read; would upsert 10 Account, 15 Contact", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("  sample: Account by Stripe_Customer_Id__c = cus_cli004", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("dry run: nothing was written" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
        Assert.False(File.Exists(Path.Combine(_directory, "checkpoint.json")));
    }

    [Fact]
    public async Task Backfill_UnknownObjectTypeOrABadDate_ExitsTwoNamingEach()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf" });
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options() with { Objects = "customers,invoices,coupons", Since = "last week" },
            new PlainBackfillProgress(output), output, error, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Contains("--objects: coupons is not a Stripe object type (customers, subscriptions, invoices, charges, refunds, disputes)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("invoices", error.ToString().Replace("subscriptions, invoices", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("--since last week is not a date", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(stripe.Requests);
    }

    [Fact]
    public async Task Backfill_EveryObjectTypeByDefault_PrintsEachTypesSummaryAndStripesCountOrWhyThereIsNone()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf", BulkPollsUntilComplete = 0 });
        for (var i = 0; i < 4; i++)
        {
            StripeHistory.AddCustomer(stripe, "cli", i, 1_780_000_000 + (i * 60));
        }

        stripe.Add("invoices", StripeObjects.Invoice("in_cli_draft", "cus_cli000001", "sub_cli000001", "draft", 2000, 0, 0, 1_789_000_000, null, 1_789_000_000));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options() with { Objects = string.Join(",", StripeSf.Core.Backfill.BackfillObjects.All) },
            new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("backfill: customers: Stripe estimates ~4 objects", text, StringComparison.Ordinal);
        Assert.Contains("backfill: invoices: 13 of ~13 read (", text, StringComparison.Ordinal);
        Assert.Contains("backfill: refunds: no count from Stripe", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe has no count for refunds: they have no search API)", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe has no count for disputes: they have no search API)", text, StringComparison.Ordinal);
        Assert.Contains("backfill: customers: 4 read; 8 created", text, StringComparison.Ordinal);
        Assert.Contains("backfill: subscriptions: 4 read; ", text, StringComparison.Ordinal);
        Assert.Contains("backfill: invoices: 13 read (1 with nothing a webhook would write); ", text, StringComparison.Ordinal);
        Assert.Contains("backfill: charges: 12 read; ", text, StringComparison.Ordinal);
        Assert.Contains("backfill: refunds: 1 read; ", text, StringComparison.Ordinal);
        Assert.Contains("backfill: disputes: 1 read; ", text, StringComparison.Ordinal);
        Assert.Contains("0 failed rows", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("backfill: customers: done", StringComparison.Ordinal) < text.IndexOf("backfill: subscriptions: Bulk job", StringComparison.Ordinal));
        Assert.Equal(12, salesforce.Records("Stripe_Invoice__c").Count);
        Assert.Single(salesforce.Records("Case"));
    }

    [Fact]
    public async Task Backfill_DryRunOfMixedObjects_PrintsCountsAndASamplePerTypeAndWritesNothing()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf" });
        for (var i = 0; i < 2; i++)
        {
            StripeHistory.AddCustomer(stripe, "cli", i, 1_780_000_000 + (i * 60));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options() with { DryRun = true, Objects = "disputes,charges" }, new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("dry run: charges: 6 read; would upsert 2 Account, 6 Stripe_Payment__c", text, StringComparison.Ordinal);
        Assert.Contains("dry run: disputes: 1 read; would upsert 2 Case, 1 Account", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("dry run: charges", StringComparison.Ordinal) < text.IndexOf("dry run: disputes", StringComparison.Ordinal));
        Assert.Contains("  sample: Case by Stripe_Case_Key__c = dp_cli000000 (caseAccount): Stripe_Case_Key__c=dp_cli000000, Account.Stripe_Customer_Id__c=cus_cli000000", text, StringComparison.Ordinal);
        Assert.Contains("  sample: Stripe_Payment__c by Stripe_Payment_Id__c = ch_cli000001_3 (payment)", text, StringComparison.Ordinal);
        Assert.EndsWith("dry run: nothing was written" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Equal(0, salesforce.ApiCalls);
    }

    [Fact]
    public async Task Backfill_CustomersStripeCounts_ShowsTheEstimateARateAndAnEtaPerChunkAndRefundsSayWhyTheyHaveNone()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf", BulkPollsUntilComplete = 0 });
        AddCustomers(stripe, 250);
        stripe.Add("refunds", StripeHistory.Refund("re_cli_1", "ch_cli_gone", 500, 1_790_000_500));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options() with { Objects = "customers,refunds", ChunkSize = 100 },
            new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Contains("backfill: customers: Stripe estimates ~250 objects", text, StringComparison.Ordinal);
        Assert.Matches(@"backfill: customers: 100 of ~250 read \([\d,]+/s, ETA \d+s\)", text);
        Assert.Matches(@"backfill: customers: 200 of ~250 read \([\d,]+/s, ETA \d+s\)", text);
        Assert.Contains("backfill: customers: 250 of ~250 read (", text, StringComparison.Ordinal);
        Assert.Contains("backfill: refunds: no count from Stripe", text, StringComparison.Ordinal);
        Assert.Contains("backfill: refunds: 1 read (", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe has no count for refunds: they have no search API)", text, StringComparison.Ordinal);
        Assert.Single(stripe.Requests, r => r.Path.StartsWith("/v1/customers/search?", StringComparison.Ordinal));
        Assert.Equal(250, salesforce.Records("Account").Count);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(400)]
    public async Task Backfill_StripeRefusesTheCount_StillBackfillsAndSaysTheEtaIsUnknown(int status)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bf", ClientSecret = "bf", BulkPollsUntilComplete = 0 });
        AddCustomers(stripe, 4);
        stripe.RefuseSearch(status);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await BackfillCommand.RunAsync(Settings(salesforce, stripe), Options(), new PlainBackfillProgress(output), output, error, CancellationToken.None);

        log.WriteLine(output.ToString() + error);
        var text = output.ToString();
        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        Assert.Contains("backfill: customers: no count from Stripe", text, StringComparison.Ordinal);
        Assert.Contains("backfill: customers: 4 read (", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe's search gave no count)", text, StringComparison.Ordinal);
        Assert.Contains("backfill: customers: 4 read; 8 created, 12 updated, 0 skipped as stale (newer live data), 0 failed", text, StringComparison.Ordinal);
        Assert.Equal(4, salesforce.Records("Account").Count);
    }

    [Fact]
    public void PlainProgress_MoreReadThanStripesEstimate_NeverShowsMoreThanTheEstimateAndSaysWhyTheEtaIsUnknown()
    {
        using var output = new StringWriter();
        var progress = new PlainBackfillProgress(output);

        progress.ObjectStarted("customers", 10, new StripeSf.Core.Backfill.BackfillTally());
        progress.ChunkDone("customers", new StripeSf.Core.Backfill.BackfillTally { Read = 5 });
        progress.ChunkDone("customers", new StripeSf.Core.Backfill.BackfillTally { Read = 12 });

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("backfill: customers: Stripe estimates ~10 objects", lines[0]);
        Assert.Matches(@"^backfill: customers: 5 of ~10 read \([\d,]+/s, ETA \d+s\)", lines[1]);
        Assert.Matches(@"^backfill: customers: 12 read \([\d,]+/s, ETA unknown \(more read than Stripe's estimate of ~10\)\)", lines[2]);
    }

    [Fact]
    public void PlainProgress_Resumed_CountsOnFromTheCheckpointAndRatesOnlyThisRunsReads()
    {
        using var output = new StringWriter();
        var progress = new PlainBackfillProgress(output);

        progress.ObjectStarted("invoices", 10_000, new StripeSf.Core.Backfill.BackfillTally { Read = 5_000 });
        Thread.Sleep(50);
        progress.ChunkDone("invoices", new StripeSf.Core.Backfill.BackfillTally { Read = 5_100 });

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("backfill: invoices: Stripe estimates ≥10,000 objects, 5,000 read before (resumed)", lines[0]);
        // 100 read in this run over ≥ 50 ms: at most 2,000/s, so at least 3 s for the 4,900 left (a lower bound: Stripe counts to 10,000).
        var match = System.Text.RegularExpressions.Regex.Match(lines[1], @"^backfill: invoices: 5,100 of ≥10,000 read \((?<rate>[\d,]+)/s, ETA ≥ (?<eta>.+)\)");
        Assert.True(match.Success, lines[1]);
        Assert.InRange(int.Parse(match.Groups["rate"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), 1, 2_000);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private BackfillCommandOptions Options() =>
        new(null, "customers", false, false, Path.Combine(_directory, "checkpoint.json"), Path.Combine(_directory, "failed.csv"));

    private static void AddCustomers(LoopbackStripe stripe, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            stripe.Add("customers", StripeObjects.Customer($"cus_cli{n}", $"Cli Co {n}", $"cli{n}@example.com", 1_790_000_000 + i));
        }
    }

    private static IConfiguration Settings(LoopbackSalesforce salesforce, LoopbackStripe stripe) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:ApiKey"] = "rk_test_bf",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "bf",
            ["Salesforce:ClientSecret"] = "bf",
        }).Build();
}
