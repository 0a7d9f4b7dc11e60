using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Leads;

namespace StripeSf.Core.Tests.Leads;

/// <summary>Salesforce Leads → Stripe customers against the loopback Salesforce, the loopback Stripe and Azurite.</summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class LeadSyncRunnerTests(AzuriteTables azurite)
{
    [Fact]
    public async Task Run_NewLeads_CreatesOneCustomerEachAndWritesTheIdsBack()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var ada = h.Lead("Lovelace", "Analytical Engines", "ada@example.com", phone: "+44 20 7946 0000");
        var grace = h.Lead("Hopper", "Navy", "grace@example.com", firstName: "Grace");
        var notSelected = h.Lead("Nobody", "Nowhere", "no@example.com", sync: false);
        var converted = h.Lead("Done", "Converted Co", "done@example.com", converted: true);

        var result = await h.RunAsync();

        Assert.Equal(2, result.Counts.Created);
        Assert.Equal(2, h.Stripe.Customers.Count);
        var customer = h.CustomerOf(ada)!;
        Assert.Equal("ada@example.com", customer["email"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", customer["name"]!.GetValue<string>());
        Assert.Equal("Analytical Engines", customer["business_name"]!.GetValue<string>());
        Assert.Equal("+44 20 7946 0000", customer["phone"]!.GetValue<string>());
        Assert.Equal(customer["id"]!.GetValue<string>(), h.Field(ada, "Stripe_Customer_Id__c"));
        Assert.Equal("Synced", h.Field(ada, "Stripe_Sync_Status__c"));
        Assert.NotNull(h.Field(ada, "Stripe_Synced_At__c"));
        Assert.Equal(h.CustomerOf(grace)!["id"]!.GetValue<string>(), h.Field(grace, "Stripe_Customer_Id__c"));
        Assert.Null(h.Field(notSelected, "Stripe_Customer_Id__c"));
        Assert.Null(h.Field(converted, "Stripe_Customer_Id__c"));
        Assert.Equal(1, h.WriteBackCalls);
        // Every create carried an idempotency key derived from the Lead.
        Assert.All(h.Stripe.CustomerRequests.Where(r => r.Method == "POST"), r => Assert.StartsWith("stripesf-lead-", r.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Again_WithNothingChanged_MakesNoStripeWritesAndNoLeadWrites()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        h.Leads(3);
        await h.RunAsync();
        var writes = h.Stripe.CustomerWrites;
        var writeBacks = h.WriteBackCalls;

        // The write-back itself moved each Lead's SystemModstamp: the next run reads them again.
        var second = await h.RunAsync();

        Assert.Equal(3, second.Counts.Unchanged);
        Assert.Equal(0, second.Counts.Created + second.Counts.Updated);
        Assert.Equal(writes, h.Stripe.CustomerWrites);
        Assert.Equal(writeBacks, h.WriteBackCalls);
        Assert.Equal(3, h.Stripe.Customers.Count);
    }

    [Fact]
    public async Task Run_ChangedLead_UpdatesTheSameCustomerUnderANewIdempotencyKey()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var lead = h.Lead("Lovelace", "Analytical Engines", "ada@example.com");
        await h.RunAsync();
        var customerId = h.Field(lead, "Stripe_Customer_Id__c")!;
        var createKey = h.Stripe.CustomerRequests.Single(r => r.Method == "POST").IdempotencyKey;

        h.Edit(lead, new JsonObject { ["Email"] = "ada@engines.example.com", ["Company"] = "Engines Ltd" });
        var result = await h.RunAsync();

        Assert.Equal(1, result.Counts.Updated);
        var customer = Assert.Single(h.Stripe.Customers);
        Assert.Equal(customerId, customer["id"]!.GetValue<string>());
        Assert.Equal("ada@engines.example.com", customer["email"]!.GetValue<string>());
        Assert.Equal("Engines Ltd", customer["business_name"]!.GetValue<string>());
        var update = h.Stripe.CustomerRequests.Last(r => r.Method == "POST");
        Assert.Equal($"/v1/customers/{customerId}", update.Path);
        Assert.NotEqual(createKey, update.IdempotencyKey);
        Assert.Equal("Synced", h.Field(lead, "Stripe_Sync_Status__c"));
    }

    [Fact]
    public async Task Run_LeadWithoutAStoredId_FindsItsCustomerByMetadataOrUniqueEmailInsteadOfCreating()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var byMetadata = h.Lead("Lovelace", "Engines", "ada@example.com");
        var byEmail = h.Lead("Hopper", "Navy", "grace@example.com");
        var sharedEmail = h.Lead("Turing", "Bletchley", "team@example.com");
        var tagged = h.Stripe.AddCustomer("ada.old@example.com", metadata: new Dictionary<string, string> { ["salesforce_lead_id"] = byMetadata });
        var untagged = h.Stripe.AddCustomer("grace@example.com");
        h.Stripe.AddCustomer("team@example.com");
        h.Stripe.AddCustomer("team@example.com");

        var result = await h.RunAsync();

        Assert.Equal(tagged, h.Field(byMetadata, "Stripe_Customer_Id__c"));
        Assert.Equal(untagged, h.Field(byEmail, "Stripe_Customer_Id__c"));
        // Two customers share the email: never guessed, a new customer instead.
        Assert.Equal(2, result.Counts.Updated);
        Assert.Equal(1, result.Counts.Created);
        Assert.Equal(5, h.Stripe.Customers.Count);
        Assert.Equal(h.CustomerOf(sharedEmail)!["id"]!.GetValue<string>(), h.Field(sharedEmail, "Stripe_Customer_Id__c"));
        Assert.Equal(byEmail, h.Stripe.Customers.Single(c => c["id"]!.GetValue<string>() == untagged)["metadata"]!["salesforce_lead_id"]!.GetValue<string>());
        Assert.Contains(h.Stripe.CustomerRequests, r => r.Path.StartsWith("/v1/customers/search?", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.Path).Contains($"query=metadata['salesforce_lead_id']:'{byEmail}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_BadData_SkipsThoseLeadsWithAReasonOnTheLead_TheOthersSync_AndAFixedLeadSyncsNextRun()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var good = h.Lead("Lovelace", "Engines", "ada@example.com");
        var badEmail = h.Lead("Hopper", "Navy", "grace(at)navy");
        var noLastName = h.Lead(null, "Bletchley", "alan@example.com");
        var noCompany = h.Lead("Babbage", null, "charles@example.com");

        var result = await h.RunAsync();

        Assert.Equal(1, result.Counts.Created);
        Assert.Equal(3, result.Counts.Skipped);
        Assert.NotNull(h.Field(good, "Stripe_Customer_Id__c"));
        Assert.Equal("Skipped", h.Field(badEmail, "Stripe_Sync_Status__c"));
        Assert.Contains("Invalid email 'grace(at)navy'", h.Field(badEmail, "Stripe_Sync_Error__c"), StringComparison.Ordinal);
        Assert.Contains("No last name", h.Field(noLastName, "Stripe_Sync_Error__c"), StringComparison.Ordinal);
        Assert.Contains("No company", h.Field(noCompany, "Stripe_Sync_Error__c"), StringComparison.Ordinal);
        Assert.Single(h.Stripe.Customers);
        Assert.Contains(h.Logs.Entries, e => e.Template.StartsWith("Lead {LeadId} not synced", StringComparison.Ordinal) && Equals(e.Properties["LeadId"], badEmail));
        // The watermark moved past the skipped Leads: they are retried when they change, not every run.
        Assert.NotNull(await h.StoredWatermarkAsync());
        var again = await h.RunAsync();
        Assert.Equal(4, again.Counts.Unchanged);
        Assert.Equal(0, again.Counts.Skipped);

        h.Edit(badEmail, new JsonObject { ["Email"] = "grace@navy.example.mil" });
        var fixedRun = await h.RunAsync();

        Assert.Equal(1, fixedRun.Counts.Created);
        Assert.Equal("Synced", h.Field(badEmail, "Stripe_Sync_Status__c"));
        Assert.Null(h.Field(badEmail, "Stripe_Sync_Error__c"));
        Assert.NotNull(h.Field(badEmail, "Stripe_Customer_Id__c"));
    }

    [Fact]
    public async Task Run_StripeRefusesOneLead_ThatLeadCarriesStripesMessage_TheOthersSync()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var refused = h.Lead("Hopper", "Navy", "grace@blocked.example.com");
        var others = h.Leads(2);
        h.Stripe.AnswerWritesFor("grace@blocked.example.com", 400, "email_invalid", "Invalid email address: grace@blocked.example.com");

        var result = await h.RunAsync();

        Assert.Equal(1, result.Counts.Refused);
        Assert.Equal(2, result.Counts.Created);
        Assert.Equal("Error", h.Field(refused, "Stripe_Sync_Status__c"));
        Assert.Equal("Stripe 400: Invalid email address: grace@blocked.example.com", h.Field(refused, "Stripe_Sync_Error__c"));
        Assert.All(others, id => Assert.NotNull(h.Field(id, "Stripe_Customer_Id__c")));
        // A permanent refusal is not retried within the run.
        Assert.Single(h.Stripe.CustomerRequests, r => r.Method == "POST" && r.Form.GetValueOrDefault("email") == "grace@blocked.example.com");
        Assert.Equal(0, result.StripeRetries);
    }

    [Fact]
    public async Task Run_RateLimited_BacksOffAndRetriesWithTheSameKey_NoDuplicate()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        h.Leads(3);
        h.Stripe.RateLimitNext(2);

        var result = await h.RunAsync();

        Assert.Equal(3, result.Counts.Created);
        Assert.Equal(2, result.StripeRetries);
        Assert.Equal(3, h.Stripe.Customers.Count);
        var limited = h.Stripe.CustomerRequests.Where(r => r.Status == 429).ToArray();
        Assert.Equal(2, limited.Length);
        Assert.All(limited, r => Assert.Contains(h.Stripe.CustomerRequests, ok => ok.Status == 200 && ok.IdempotencyKey == r.IdempotencyKey));
    }

    [Fact]
    public async Task Run_RateLimitedPastTheRetries_StopsTheRunAndTheNextRunResumes()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server, maxStripeAttempts: 3);
        var first = h.Lead("First", "One", "one@example.com", changedAt: DateTimeOffset.UtcNow.AddMinutes(-30));
        await h.RunAsync();
        var watermark = await h.StoredWatermarkAsync();
        Assert.Equal(first, watermark!.LeadId);

        var second = h.Lead("Second", "Two", "two@example.com", changedAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        var third = h.Lead("Third", "Three", "three@example.com", changedAt: DateTimeOffset.UtcNow.AddMinutes(-9));
        h.Stripe.RateLimitNext(100);
        var limited = await h.RunAsync();

        Assert.Contains("rate limit", limited.StoppedBecause, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, limited.Counts.Deferred);
        Assert.Equal(1, limited.Counts.Read);
        Assert.Equal(3, h.Stripe.CustomerRequests.Count(r => r.Status == 429));
        Assert.Equal(2, limited.StripeRetries);
        Assert.Null(h.Field(second, "Stripe_Customer_Id__c"));
        Assert.Null(h.Field(third, "Stripe_Customer_Id__c"));
        Assert.Equal(watermark, await h.StoredWatermarkAsync());

        h.Stripe.RateLimitNext(0);
        var resumed = await h.RunAsync();

        Assert.Equal(2, resumed.Counts.Created);
        Assert.NotNull(h.Field(second, "Stripe_Customer_Id__c"));
        Assert.NotNull(h.Field(third, "Stripe_Customer_Id__c"));
        Assert.Equal(3, h.Stripe.Customers.Count);
    }

    [Fact]
    public async Task Run_StripeSaysDoNotRetry_TheLeadWaitsForTheNextRunWithoutRetries()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var lead = h.Lead("Lovelace", "Engines", "ada@example.com");
        h.Stripe.RateLimitNext(1, shouldRetry: "false");

        var result = await h.RunAsync();

        Assert.Equal(0, result.StripeRetries);
        Assert.Equal(1, result.Counts.Deferred);
        Assert.Null(h.Field(lead, "Stripe_Customer_Id__c"));
        Assert.Null(await h.StoredWatermarkAsync());
        Assert.Equal(1, (await h.RunAsync()).Counts.Created);
    }

    [Fact]
    public async Task Run_CrashAfterStripeCreatesButBeforeTheWriteBack_ReRunSkipsNoLeadAndCreatesNoDuplicate()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var leads = h.Leads(5);
        // Search has not indexed the new customers yet (Stripe: up to a minute), so it cannot help the re-run.
        h.Stripe.SearchLag = TimeSpan.FromHours(1);
        using var crash = new CancellationTokenSource();
        var created = 0;
        h.Stripe.OnCustomerCreated = _ =>
        {
            if (Interlocked.Increment(ref created) == 3)
            {
                crash.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.RunAsync(cancellationToken: crash.Token));

        Assert.Equal(3, h.Stripe.Customers.Count);
        Assert.All(leads, id => Assert.Null(h.Field(id, "Stripe_Customer_Id__c")));
        Assert.Null(await h.StoredWatermarkAsync());

        h.Stripe.OnCustomerCreated = null;
        var rerun = await h.RunAsync();

        Assert.Equal(5, h.Stripe.Customers.Count);
        Assert.All(leads, id => Assert.Equal(h.CustomerOf(id)!["id"]!.GetValue<string>(), h.Field(id, "Stripe_Customer_Id__c")));
        Assert.Equal(5, rerun.Counts.Created + rerun.Counts.Updated);
        Assert.Empty(rerun.Problems);
    }

    [Fact]
    public async Task Run_CreateAnswerLostOnTheWire_RetryIsReplayedByTheIdempotencyKey_OneCustomer()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var lead = h.Lead("Lovelace", "Engines", "ada@example.com");
        h.Stripe.SearchLag = TimeSpan.FromHours(1);
        h.Stripe.DropNextCreateResponses(1);

        var result = await h.RunAsync();

        var customer = Assert.Single(h.Stripe.Customers);
        Assert.Equal(customer["id"]!.GetValue<string>(), h.Field(lead, "Stripe_Customer_Id__c"));
        Assert.Equal(1, result.StripeRetries);
        Assert.Single(h.Stripe.CustomerRequests, r => r.Replayed);
    }

    [Fact]
    public async Task Run_TransientFailureOnOneLead_WatermarkStopsBeforeIt_OthersStillSync_NextRunCatchesUp()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var first = h.Lead("One", "A", "one@example.com", changedAt: start);
        var failing = h.Lead("Two", "B", "two@example.com", changedAt: start.AddMinutes(1));
        var third = h.Lead("Three", "C", "three@example.com", changedAt: start.AddMinutes(2));
        h.Stripe.AnswerWritesFor("two@example.com", 503, "api_error", "The server is temporarily unavailable", type: "api_error");

        var result = await h.RunAsync();

        Assert.Equal(1, result.Counts.Deferred);
        Assert.NotNull(h.Field(third, "Stripe_Customer_Id__c"));
        Assert.Null(h.Field(failing, "Stripe_Customer_Id__c"));
        var watermark = await h.StoredWatermarkAsync();
        Assert.Equal(first, watermark!.LeadId);
        Assert.True(watermark.Modstamp < start.AddMinutes(1));

        h.Stripe.ClearAnswers();
        var next = await h.RunAsync();

        Assert.Equal(1, next.Counts.Created);
        Assert.NotNull(h.Field(failing, "Stripe_Customer_Id__c"));
        Assert.True((await h.StoredWatermarkAsync())!.Modstamp > start.AddMinutes(2));
        Assert.Equal(3, h.Stripe.Customers.Count);
    }

    [Fact]
    public async Task Run_450Leads_WritesBackWithThreeCollectionCalls()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        h.Leads(450);

        var result = await h.RunAsync();

        Assert.Equal(450, result.Counts.Created);
        Assert.Equal(3, h.WriteBackCalls);
        Assert.Equal(450, h.Salesforce.Records("Lead").Count(r => r["Stripe_Customer_Id__c"] is not null));
    }

    [Fact]
    public async Task Run_MoreChangedLeadsThanARunTakes_EachRunTakesAPage_TheNextRunsFinish()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server, new Dictionary<string, string?> { ["LeadSync:MaxLeadsPerRun"] = "200" });
        var leads = h.Leads(450);

        var runs = new List<StripeSf.Core.Leads.LeadSyncResult> { await h.RunAsync() };
        while (runs[^1].MoreToRead && runs.Count < 10)
        {
            runs.Add(await h.RunAsync());
        }

        Assert.Equal(200, runs[0].Counts.Created);
        Assert.True(runs[0].MoreToRead);
        Assert.Equal(3, runs.Count);
        Assert.Equal(450, runs.Sum(r => r.Counts.Created));
        Assert.Equal(450, h.Stripe.Customers.Count);
        Assert.All(leads, id => Assert.NotNull(h.Field(id, "Stripe_Customer_Id__c")));
    }

    [Fact]
    public async Task Run_MappingFromSettings_SendsTheConfiguredFieldsAndSelectsByTheConfiguredFlag()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server, new Dictionary<string, string?>
        {
            ["Mapping:LeadSync:Fields:phone"] = "",
            ["Mapping:LeadSync:Fields:metadata.lead_city"] = "City",
            ["Mapping:LeadSync:Fields:description"] = "Status",
            ["Mapping:LeadSync:SyncFlag"] = "",
        });
        var lead = h.Lead("Lovelace", "Engines", "ada@example.com", sync: false, phone: "+44 20 7946 0000");
        h.Edit(lead, new JsonObject { ["City"] = "London" });

        await h.RunAsync();

        var customer = h.CustomerOf(lead)!;
        Assert.Null(customer["phone"]);
        Assert.Equal("London", customer["metadata"]!["lead_city"]!.GetValue<string>());
        Assert.Equal("Open - Not Contacted", customer["description"]!.GetValue<string>());
        Assert.Equal("Ada Lovelace", customer["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task DryRun_ReadsButWritesNothing()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var leads = h.Leads(2);
        h.Lead("Hopper", "Navy", "not-an-email");

        var result = await h.RunAsync(new LeadSyncRequest(DryRun: true));

        Assert.True(result.DryRun);
        Assert.Equal(2, result.Counts.Created);
        Assert.Equal(1, result.Counts.Skipped);
        Assert.Equal(0, h.Stripe.CustomerWrites);
        Assert.Empty(h.Stripe.Customers);
        Assert.Equal(0, h.WriteBackCalls);
        Assert.All(leads, id => Assert.Null(h.Field(id, "Stripe_Sync_Status__c")));
        Assert.Null(await h.StoredWatermarkAsync());
        Assert.False(result.WatermarkSaved);
    }

    [Fact]
    public async Task Since_OverridesTheStoredWatermark()
    {
        await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
        var old = h.Lead("Old", "Archive", "old@example.com", changedAt: DateTimeOffset.UtcNow.AddDays(-3));
        await h.Services.GetRequiredService<ILeadWatermarkStore>().SaveAsync(new LeadWatermark(DateTimeOffset.UtcNow.AddDays(-1), "00QLB0000000000AAA"), default);

        var fromWatermark = await h.RunAsync();
        Assert.Equal(0, fromWatermark.Counts.Read);

        var fromSince = await h.RunAsync(new LeadSyncRequest(Since: DateTimeOffset.UtcNow.AddDays(-4)));

        Assert.Equal(1, fromSince.Counts.Created);
        Assert.NotNull(h.Field(old, "Stripe_Customer_Id__c"));
    }
}
