using System.Globalization;
using CsCheck;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Renewals;

/// <summary>
/// However often the sweep runs and the period roll is delivered, in any order: one renewal per
/// subscription and term — Won once the roll was processed, open when only sweeps ran, owned by the
/// Account owner when a sweep created it. Against the loopback org with its stale-event rules.
/// </summary>
public sealed class RenewalOrderProperties
{
    private static readonly DateTimeOffset TermStart = new(2026, 1, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TermEnd = new(2027, 1, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SweepsAndRollDeliveries_InAnyOrder_LeaveOneRenewalPerTerm()
    {
        await using var h = await RenewalHarness.StartAsync();
        var runs = 0;
        var sweep = 0;
        var roll = 1;
        var operations = Gen.Int[sweep, roll].Array[1, 6];

        await operations.SampleAsync(async ops =>
        {
            var run = Interlocked.Increment(ref runs).ToString("D3", CultureInfo.InvariantCulture);
            var customer = $"cus_P{run}";
            h.Account(customer);
            var subscription = h.List(RenewalHarness.Subscription($"sub_P{run}", customer, "year", 600_000, 3, TermStart, TermEnd));
            foreach (var op in ops)
            {
                if (op == sweep)
                {
                    var report = await h.Sweep.RunAsync(90, dryRun: false, progress: null, CancellationToken.None);
                    Assert.False(report.HasFailures);
                }
                else
                {
                    Assert.IsType<ProcessingOutcome.Completed>(await h.RollAsync(subscription, TermEnd.AddYears(1), $"evt_roll_{run}"));
                }
            }

            var key = $"sub_P{run}:{SalesforceValues.Date(TermEnd)}";
            var renewal = Assert.Single(h.Renewals(), r => (string?)r["Stripe_Renewal_Key__c"] == key);
            Assert.Equal(ops.Contains(roll) ? "Closed Won" : "Prospecting", (string?)renewal["StageName"]);
            // The sweep assigns the Account owner; a renewal the roll created first keeps the org's default owner.
            Assert.Equal(ops[0] == sweep, (string?)renewal["OwnerId"] == RenewalHarness.OwnerId);
            Assert.Equal($"Renewal Pro × 3 from 2027-01-20 (sub_P{run})", (string?)renewal["Name"]);
            Assert.Equal(18_000m, RenewalHarness.Number(renewal["Amount"]));
            Assert.Equal("2027-01-20", (string?)renewal["CloseDate"]);
        }, iter: 40, threads: 1, print: ops => string.Join(" → ", ops.Select(o => o == sweep ? "sweep" : "roll")));
    }
}
