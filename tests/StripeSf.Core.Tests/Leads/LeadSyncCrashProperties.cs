using CsCheck;
using StripeSf.Salesforce.Errors;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Leads;

/// <summary>
/// Whatever the page size, wherever the run dies (the process stops after the k-th Stripe create, or
/// Salesforce goes into maintenance then and refuses the write-back), whether or not Stripe search
/// has indexed the new customers, and whether the Leads share one email (so only the create's
/// idempotency key can find the customer again): the next run leaves no Lead behind and creates no
/// second customer, and the one after that has nothing to do.
/// </summary>
[Collection(AzuriteTablesCollection.Name)]
public sealed class LeadSyncCrashProperties(AzuriteTables azurite, ITestOutputHelper output)
{
    private enum Crash
    {
        ProcessStops,
        SalesforceDown,
    }

    [Fact]
    public async Task AnyCrashPoint_ReRun_OneCustomerPerLead_EveryLeadLinked_ThenQuiet()
    {
        var gen = Gen.Select(Gen.Int[1, 7], Gen.Int[1, 8], Gen.Bool, Gen.Enum<Crash>(), Gen.Bool);
        var started = DateTime.UtcNow;
        var replays = 0;
        await gen.SampleAsync(async sample =>
        {
            var (leads, crashAfter, searchLags, crash, sharedEmail) = sample;
            await using var h = await LeadSyncHarness.StartAsync(azurite.Server);
            var ids = sharedEmail
                ? Enumerable.Range(0, leads).Select(i => h.Lead($"Last{i}", "Shared Co", "billing@shared.example.com")).ToList()
                : h.Leads(leads);
            if (searchLags)
            {
                h.Stripe.SearchLag = TimeSpan.FromHours(1);
            }

            using var stop = new CancellationTokenSource();
            var created = 0;
            h.Stripe.OnCustomerCreated = _ =>
            {
                if (Interlocked.Increment(ref created) != crashAfter)
                {
                    return;
                }

                if (crash == Crash.ProcessStops)
                {
                    stop.Cancel();
                }
                else
                {
                    h.Salesforce.Faults.MaintenanceWindow = true;
                }
            };

            try
            {
                await h.RunAsync(cancellationToken: stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SalesforceApiException)
            {
                // The crash; nothing of this run's page was written back.
            }

            h.Stripe.OnCustomerCreated = null;
            h.Salesforce.Faults.MaintenanceWindow = false;
            await h.RunAsync();

            Assert.Equal(leads, h.Stripe.Customers.Count);
            Assert.All(ids, id =>
            {
                Assert.Equal(h.CustomerOf(id)!["id"]!.GetValue<string>(), h.Field(id, "Stripe_Customer_Id__c"));
                Assert.Equal("Synced", h.Field(id, "Stripe_Sync_Status__c"));
            });
            var writes = h.Stripe.CustomerWrites;
            var quiet = await h.RunAsync();
            Assert.Equal(leads, quiet.Counts.Unchanged);
            Assert.Equal(writes, h.Stripe.CustomerWrites);
            replays += h.Stripe.CustomerRequests.Count(r => r.Replayed);
        }, iter: 16, threads: 1, print: s => $"{s.Item1} leads, crash after create {s.Item2} ({s.Item4}), search lags: {s.Item3}, shared email: {s.Item5}");
        output.WriteLine($"16 crash samples in {(DateTime.UtcNow - started).TotalSeconds:0.0} s; {replays} creates answered by Stripe's idempotent replay");
    }
}
