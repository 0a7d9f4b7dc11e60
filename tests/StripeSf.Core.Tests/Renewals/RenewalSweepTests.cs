using System.Text.Json.Nodes;
using StripeSf.Core.Processing;
using StripeSf.Core.Renewals;
using StripeSf.Testing.LoopbackSalesforce;

namespace StripeSf.Core.Tests.Renewals;

/// <summary>The renewal sweep against loopback Stripe and Salesforce: what it creates, and that it creates it once.</summary>
public sealed class RenewalSweepTests
{
    private static readonly DateTimeOffset TermStart = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TermEnd = new(2027, 1, 15, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_Twice_CreatesOneOpenRenewalWithTheCurrentTermsOnTheAccountOwner()
    {
        await using var h = await RenewalHarness.StartAsync();
        var accountId = h.Account("cus_R1");
        h.List(RenewalHarness.Subscription("sub_R1", "cus_R1", "year", 1_200_000, 2, TermStart, TermEnd));

        var first = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        var second = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.Equal(1, first.Count(RenewalOutcome.Created));
        Assert.Equal(0, second.Count(RenewalOutcome.Created));
        Assert.Equal(1, second.Count(RenewalOutcome.Exists));
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("sub_R1:2027-01-15", (string?)renewal["Stripe_Renewal_Key__c"]);
        Assert.Equal("Renewal Pro × 2 from 2027-01-15 (sub_R1)", (string?)renewal["Name"]);
        Assert.Equal("Prospecting", (string?)renewal["StageName"]);
        Assert.Equal("Existing Customer - Replacement", (string?)renewal["Type"]);
        Assert.Equal("2027-01-15", (string?)renewal["CloseDate"]);
        Assert.Equal(24_000m, RenewalHarness.Number(renewal["Amount"]));
        Assert.Equal(2_000m, RenewalHarness.Number(renewal["MRR__c"]));
        Assert.Equal(24_000m, RenewalHarness.Number(renewal["ARR__c"]));
        Assert.Equal(accountId, (string?)renewal["AccountId"]);
        Assert.Equal(RenewalHarness.OwnerId, (string?)renewal["OwnerId"]);
    }

    [Fact]
    public async Task RunAsync_ThenTheRoll_ClosesTheSameRecordWonKeepingSalesNameAndOwner()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R2");
        var subscription = h.List(RenewalHarness.Subscription("sub_R2", "cus_R2", "year", 1_200_000, 1, TermStart, TermEnd));
        await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        var swept = Assert.Single(h.Renewals());
        swept["Name"] = "Initech renewal 2027 (negotiating)";
        h.Salesforce.Seed("Opportunity", swept);

        var outcome = await h.RollAsync(subscription, TermEnd.AddYears(1));

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal((string?)swept["Id"], (string?)renewal["Id"]);
        Assert.Equal("Closed Won", (string?)renewal["StageName"]);
        Assert.Equal("2027-01-15", (string?)renewal["CloseDate"]);
        Assert.Equal("Initech renewal 2027 (negotiating)", (string?)renewal["Name"]);
        Assert.Equal(RenewalHarness.OwnerId, (string?)renewal["OwnerId"]);
        Assert.StartsWith("Renewed in Stripe on 2027-01-15: new term 2027-01-15 to 2028-01-15", (string?)renewal["Description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AfterTheRoll_CreatesNoNewOpenRenewal()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R3");
        // Stripe still lists the term that the roll closes (a sweep that read Stripe just before the roll).
        var subscription = h.List(RenewalHarness.Subscription("sub_R3", "cus_R3", "year", 1_200_000, 1, TermStart, TermEnd));
        await h.RollAsync(subscription, TermEnd.AddYears(1));

        var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.Equal(0, report.Count(RenewalOutcome.Created));
        Assert.Equal(1, report.Count(RenewalOutcome.Exists));
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("sub_R3:2027-01-15", (string?)renewal["Stripe_Renewal_Key__c"]);
        Assert.Equal("Closed Won", (string?)renewal["StageName"]);
    }

    [Fact]
    public async Task Sweep_RacingTheRoll_IsRefusedAsStaleAndNeverReopensTheWonRenewal()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R4");
        var subscription = h.List(RenewalHarness.Subscription("sub_R4", "cus_R4", "year", 1_200_000, 1, TermStart, TermEnd));
        var candidate = (await h.Sweep.RunAsync(90, dryRun: true, progress: null, CancellationToken.None)).Results.Single().Candidate;
        await h.RollAsync(subscription, TermEnd.AddYears(1));

        // The write the sweep sends, arriving after the roll won the record (it read before the roll).
        var mapping = new Mapping.SalesforceMappingOptions();
        var record = RenewalOpportunity.Fields(candidate, new RenewalAccount("cus_R4", "001x", RenewalHarness.OwnerId), mapping, new RenewalsOptions().Stages(mapping.Opportunity));
        var client = (Salesforce.ISalesforceClient)h.Services.GetService(typeof(Salesforce.ISalesforceClient))!;
        var answer = Assert.Single(await client.UpsertCollectionAsync("Opportunity", "Stripe_Renewal_Key__c", [record], allOrNone: false, CancellationToken.None));

        Assert.False(answer.Success);
        Assert.Contains(answer.Errors, Salesforce.Errors.SalesforceErrorClassifier.IsStaleEvent);
        Assert.Equal("Closed Won", (string?)Assert.Single(h.Renewals())["StageName"]);
    }

    [Fact]
    public async Task CancelAtPeriodEnd_ClosesTheOpenRenewalLostWithTheReason_AndTheSweepLeavesItLost()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R5");
        var subscription = h.List(RenewalHarness.Subscription("sub_R5", "cus_R5", "year", 1_200_000, 1, TermStart, TermEnd));
        await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        var canceling = (JsonObject)subscription.DeepClone();
        canceling["cancel_at_period_end"] = true;
        canceling["cancel_at"] = TermEnd.ToUnixTimeSeconds();

        var outcome = await h.ProcessAsync("customer.subscription.updated", "evt_cancel_R5", canceling, RenewalHarness.Now.AddDays(1),
            new JsonObject { ["cancel_at_period_end"] = false, ["cancel_at"] = null });
        await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("Closed Lost", (string?)renewal["StageName"]);
        Assert.Equal("Cancellation scheduled in Stripe on 2026-12-02: ends 2027-01-15.", (string?)renewal["Description"]);
    }

    [Fact]
    public async Task Reactivation_OpensTheLostRenewalAgain()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R6");
        var subscription = h.List(RenewalHarness.Subscription("sub_R6", "cus_R6", "year", 1_200_000, 1, TermStart, TermEnd));
        await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        var canceling = (JsonObject)subscription.DeepClone();
        canceling["cancel_at_period_end"] = true;
        await h.ProcessAsync("customer.subscription.updated", "evt_cancel_R6", canceling, RenewalHarness.Now.AddDays(1), new JsonObject { ["cancel_at_period_end"] = false });

        await h.ProcessAsync("customer.subscription.updated", "evt_react_R6", subscription, RenewalHarness.Now.AddDays(2), new JsonObject { ["cancel_at_period_end"] = true });

        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("Prospecting", (string?)renewal["StageName"]);
        Assert.Equal("Scheduled cancellation withdrawn in Stripe on 2026-12-03.", (string?)renewal["Description"]);
    }

    [Fact]
    public async Task Deleted_ClosesTheOpenRenewalLostWithTheCancellationReason()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R7");
        var subscription = h.List(RenewalHarness.Subscription("sub_R7", "cus_R7", "year", 1_200_000, 1, TermStart, TermEnd));
        await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        var canceled = (JsonObject)subscription.DeepClone();
        var at = RenewalHarness.Now.AddDays(3);
        canceled["status"] = "canceled";
        canceled["canceled_at"] = at.ToUnixTimeSeconds();
        canceled["ended_at"] = at.ToUnixTimeSeconds();
        canceled["cancellation_details"] = new JsonObject { ["reason"] = "cancellation_requested", ["comment"] = "moving to a competitor", ["feedback"] = "switched_service" };

        var outcome = await h.ProcessAsync("customer.subscription.deleted", "evt_deleted_R7", canceled, at);

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("Closed Lost", (string?)renewal["StageName"]);
        Assert.Equal("Canceled in Stripe on 2026-12-04: cancellation requested — moving to a competitor", (string?)renewal["Description"]);
    }

    [Fact]
    public async Task Deleted_WithoutARenewal_CreatesNoneAndCompletesInOneCall()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R8");
        var canceled = RenewalHarness.Subscription("sub_R8", "cus_R8", "month", 5_000, 1, RenewalHarness.Now.AddDays(-10), RenewalHarness.Now.AddDays(20));
        canceled["status"] = "canceled";
        canceled["ended_at"] = RenewalHarness.Now.ToUnixTimeSeconds();
        h.Salesforce.ResetCalls();

        var outcome = await h.ProcessAsync("customer.subscription.deleted", "evt_deleted_R8", canceled, RenewalHarness.Now);

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Empty(h.Renewals());
        Assert.Equal(1, h.Salesforce.Count(LoopbackApiCall.Composite));
    }

    [Fact]
    public async Task Monthly_IsLeftOutUnlessConfigured()
    {
        var monthly = RenewalHarness.Subscription("sub_R9", "cus_R9", "month", 5_000, 1, RenewalHarness.Now.AddDays(-20), RenewalHarness.Now.AddDays(10));
        await using (var h = await RenewalHarness.StartAsync())
        {
            h.Account("cus_R9");
            h.List(monthly);
            var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
            Assert.Empty(report.Results);
            Assert.Empty(h.Renewals());
        }

        await using (var h = await RenewalHarness.StartAsync(("Renewals:Intervals", "year, month")))
        {
            h.Account("cus_R9");
            h.List(monthly);
            var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
            Assert.Equal(1, report.Count(RenewalOutcome.Created));
            Assert.Equal("sub_R9:2026-12-11", (string?)Assert.Single(h.Renewals())["Stripe_Renewal_Key__c"]);
        }
    }

    [Fact]
    public async Task CancelAt_IsTheTermEndWhateverTheInterval()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R10");
        var fixedTerm = RenewalHarness.Subscription("sub_R10", "cus_R10", "month", 5_000, 3, RenewalHarness.Now.AddDays(-5), RenewalHarness.Now.AddDays(25));
        fixedTerm["cancel_at"] = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        h.List(fixedTerm);

        var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.Equal(RenewalTermSource.CancelAt, Assert.Single(report.Results).Candidate.Term.Source);
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("sub_R10:2027-02-01", (string?)renewal["Stripe_Renewal_Key__c"]);
        Assert.Equal("2027-02-01", (string?)renewal["CloseDate"]);
        Assert.Equal(1_800m, RenewalHarness.Number(renewal["Amount"]));
    }

    [Fact]
    public async Task ContractEnd_IsTheTermEnd_AndAOneMonthContractOfAMonthlyPlanIsNot()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R11");
        h.Account("cus_R12");
        h.List(RenewalHarness.Subscription("sub_R11", "cus_R11", "month", 5_000, 1, RenewalHarness.Now.AddDays(-5), RenewalHarness.Now.AddDays(25)));
        h.List(RenewalHarness.Subscription("sub_R12", "cus_R12", "month", 5_000, 1, RenewalHarness.Now.AddDays(-5), RenewalHarness.Now.AddDays(25)));
        h.Contract("sub_R11", "2026-02-10", 12);
        h.Contract("sub_R12", "2026-11-26", 1);

        var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        var result = Assert.Single(report.Results);
        Assert.Equal(RenewalTermSource.Contract, result.Candidate.Term.Source);
        var renewal = Assert.Single(h.Renewals());
        Assert.Equal("sub_R11:2027-02-10", (string?)renewal["Stripe_Renewal_Key__c"]);
        Assert.Equal("2027-02-10", (string?)renewal["CloseDate"]);
    }

    [Fact]
    public async Task RunAsync_DryRun_ReadsButWritesNothing()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R13");
        h.List(RenewalHarness.Subscription("sub_R13", "cus_R13", "year", 1_200_000, 1, TermStart, TermEnd));
        h.Salesforce.ResetCalls();

        var report = await h.Sweep.RunAsync(90, dryRun: true, progress: null, CancellationToken.None);

        Assert.Equal(1, report.Count(RenewalOutcome.WouldCreate));
        Assert.Contains(report.Lines(), l => l.Contains("would create", StringComparison.Ordinal) && l.Contains("sub_R13:2027-01-15", StringComparison.Ordinal));
        Assert.Empty(h.Renewals());
        Assert.Equal(0, h.Salesforce.Count(LoopbackApiCall.Collections) + h.Salesforce.Count(LoopbackApiCall.Composite) + h.Salesforce.Count(LoopbackApiCall.Upsert) + h.Salesforce.Count(LoopbackApiCall.Record) + h.Salesforce.Count(LoopbackApiCall.Bulk));
    }

    [Fact]
    public async Task RunAsync_WithoutAnAccount_SkipsUntilTheAccountExists()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.List(RenewalHarness.Subscription("sub_R14", "cus_R14", "year", 1_200_000, 1, TermStart, TermEnd));

        var before = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
        h.Account("cus_R14");
        var after = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.Equal(1, before.Count(RenewalOutcome.NoAccount));
        Assert.Equal(1, after.Count(RenewalOutcome.Created));
        Assert.Single(h.Renewals());
    }

    [Fact]
    public async Task RunAsync_NothingDueWithinTheDays_CreatesNothingForOneQuery()
    {
        await using var h = await RenewalHarness.StartAsync();
        h.Account("cus_R15");
        h.List(RenewalHarness.Subscription("sub_R15", "cus_R15", "year", 1_200_000, 1, TermStart, TermEnd));
        h.Salesforce.ResetCalls();

        var report = await h.Sweep.RunAsync(30, dryRun: false, progress: null, CancellationToken.None);

        Assert.Empty(report.Results);
        Assert.Equal(1, report.Listed);
        Assert.Empty(h.Renewals());
        Assert.Equal(1, h.Salesforce.ApiCalls);
        Assert.Equal(1, h.Salesforce.Count(LoopbackApiCall.Query));
    }

    [Fact]
    public async Task RunAsync_450Due_ReadsAndWritesInBulk()
    {
        await using var h = await RenewalHarness.StartAsync();
        for (var i = 0; i < 450; i++)
        {
            h.Account($"cus_B{i}");
            h.List(RenewalHarness.Subscription($"sub_B{i}", $"cus_B{i}", "year", 1_200_000, 1, TermStart, TermEnd));
        }

        h.Salesforce.ResetCalls();

        var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);

        Assert.Equal(450, report.Count(RenewalOutcome.Created));
        Assert.Equal(450, h.Renewals().Count);
        // Stripe: one list call per 100 subscriptions.
        Assert.Equal(5, report.StripeCalls);
        Assert.Equal(5, h.Stripe.Requests.Count(r => r.Path.StartsWith("/v1/subscriptions?", StringComparison.Ordinal) && r.Path.Contains("status=active", StringComparison.Ordinal)));
        // Salesforce: 1 Contract query, 3 + 3 queries of 200 ids (owners, existing keys), 3 Collections calls of 200.
        Assert.Equal(7, h.Salesforce.Count(LoopbackApiCall.Query));
        Assert.Equal(3, h.Salesforce.Count(LoopbackApiCall.Collections));
        Assert.Equal(10, h.Salesforce.ApiCalls);
    }
}
