namespace StripeSf.Core.Tests.Revenue;

using System.Runtime.CompilerServices;
using StripeSf.Core.Revenue;
using static StripeSf.Core.Tests.Revenue.SubscriptionJson;

public sealed class MrrCalculatorTests
{
    private static readonly PriceSpec Usd = new() { UnitAmount = 2000 };

    public static TheoryData<string> CaseNames => new(MrrCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Calculate_TableCase_MatchesHandComputedFigure(string caseName)
    {
        var row = MrrCases.All[caseName];

        var result = MrrCalculator.Calculate(Parse(row.EventJson));

        Assert.Equal(row.Mrr, result.Mrr);
        Assert.Equal(row.Arr, result.Arr);
        Assert.Equal(row.Currency, result.Currency);
        Assert.Equal(row.Approximate, result.IsApproximate);
        Assert.Equal(SubscriptionId, result.SubscriptionId);
    }

    [Fact]
    public void Calculate_RecordedOldShapeFixture_Is15UsdMonthly()
    {
        var result = MrrCalculator.Calculate(Parse(Fixture("Revenue.subscription-2020-08-27.json")));

        Assert.Equal(15.00m, result.Mrr);
        Assert.Equal(180.00m, result.Arr);
        Assert.Equal("USD", result.Currency);
        Assert.Equal("Monthly", result.PlanInterval);
        Assert.Equal("price_revfixture_old_01", result.PlanName);
        Assert.False(result.IsApproximate);
    }

    [Fact]
    public void Calculate_RecordedCurrentShapeFixture_AppliesSourceCouponAndNotesPauseAndCancel()
    {
        // 2000¢ × 4 seats = 8000¢, 15 % forever → 6800¢ = $68; ARR 816.
        var result = MrrCalculator.Calculate(Parse(Fixture("Revenue.subscription-current.json")));

        Assert.Equal(68.00m, result.Mrr);
        Assert.Equal(816.00m, result.Arr);
        Assert.Equal(80.00m, result.MrrBeforeDiscounts);
        Assert.Equal("USD", result.Currency);
        Assert.False(result.IsApproximate);
        Assert.Contains(result.Notes, n => n.Contains("collection is paused", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("cancels at period end", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_Trialing_MrrZeroButPotentialKept()
    {
        var json = OldEvent("trialing", [OldItem("si_test_a", 1, Usd with { UnitAmount = 5000 })]);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(0m, result.Mrr);
        Assert.Equal(0m, result.Arr);
        Assert.Equal(50.00m, result.PotentialMrr);
        Assert.False(result.CountsTowardMrr);
        Assert.False(result.IsApproximate);
    }

    [Fact]
    public void Calculate_UnknownStatus_ZeroAndApproximate()
    {
        var result = MrrCalculator.Calculate(Parse(OldEvent("someday_new", [OldItem("si_test_a", 1, Usd)])));

        Assert.Equal(0m, result.Mrr);
        Assert.Equal(20.00m, result.PotentialMrr);
        Assert.True(result.IsApproximate);
    }

    [Fact]
    public void Calculate_MeteredItem_BreakdownNotesUsageExcluded()
    {
        var json = CurrentEvent("active", "usd", [
            CurrentItem("si_test_a", 1, Usd with { UnitAmount = 1000 }),
            CurrentItem("si_test_m", 0, Usd with { Id = "price_test_api", UnitAmount = 2, UsageType = "metered" }),
        ]);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.True(result.ExcludesUsageBasedRevenue);
        var metered = Assert.Single(result.Items, i => i.ItemId == "si_test_m");
        Assert.False(metered.Included);
        Assert.Equal(0m, metered.NetMonthlyAmount);
        Assert.Contains("metered", metered.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_LegacyDiscountAlsoListedInDiscountsIds_AppliesOnce()
    {
        // API versions between 2020-08-27 and 2025 render the same discount as `discount` (expanded)
        // and as an id in `discounts`: 25 % must apply once, 2000¢ → 1500¢.
        var legacy = LegacyDiscount("di_test_both", Coupon("co_test_25", "forever", percentOff: 25m));
        var json = CurrentEvent("active", "usd", [CurrentItem("si_test_a", 1, Usd)],
            discountsJson: """["di_test_both"]""", extra: $"\"discount\": {legacy},");

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(15.00m, result.Mrr);
        Assert.False(result.IsApproximate);
    }

    [Fact]
    public void Calculate_ExpandedDiscountWithTopLevelCoupon_Applies()
    {
        // 2024-era shape: expanded discount in `discounts` with `coupon` on it (not source.coupon).
        var discounts = $"[{LegacyDiscount("di_test_2024", Coupon("co_test_50", "forever", percentOff: 50m))}]";
        var json = CurrentEvent("active", "usd", [CurrentItem("si_test_a", 1, Usd)], discounts);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(10.00m, result.Mrr);
    }

    [Fact]
    public void Calculate_RepeatingDiscountEndedBeforeAsOf_IsIgnored()
    {
        const long End = 1730000000;
        var discounts = $"[{CurrentDiscount("di_test_rep", Coupon("co_test_20", "repeating", percentOff: 20m, durationInMonths: 3), End)}]";
        var subscription = Parse(CurrentEvent("active", "usd", [CurrentItem("si_test_a", 1, Usd)], discounts));

        var before = MrrCalculator.Calculate(subscription, DateTimeOffset.FromUnixTimeSeconds(End - 1));
        var after = MrrCalculator.Calculate(subscription, DateTimeOffset.FromUnixTimeSeconds(End));

        Assert.Equal(16.00m, before.Mrr);
        Assert.Equal(20.00m, after.Mrr);
    }

    [Fact]
    public void Calculate_AmountOffWithCurrencyOption_UsesSubscriptionCurrencyAmount()
    {
        // EUR subscription 2000 cents; coupon is 500 USD with currency_options eur 400 → 1600 = €16.
        var coupon = Coupon("co_test_multi", "forever", amountOff: 500, currency: "usd",
            extra: "\"currency_options\": {\"eur\": {\"amount_off\": 400}},");
        var json = CurrentEvent("active", "eur", [CurrentItem("si_test_a", 1, Usd with { Currency = "eur" })],
            $"[{CurrentDiscount("di_test_multi", coupon)}]");

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(16.00m, result.Mrr);
        Assert.Equal("EUR", result.Currency);
    }

    [Fact]
    public void Calculate_AmountOffInOtherCurrency_NotAppliedAndApproximate()
    {
        var coupon = Coupon("co_test_usd", "forever", amountOff: 500, currency: "usd");
        var json = CurrentEvent("active", "eur", [CurrentItem("si_test_a", 1, Usd with { Currency = "eur" })],
            $"[{CurrentDiscount("di_test_usd", coupon)}]");

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(20.00m, result.Mrr);
        Assert.True(result.IsApproximate);
    }

    [Fact]
    public void Calculate_CouponAppliesToProducts_DiscountsOnlyThoseItems()
    {
        // Base 1500¢ + add-on 2000¢; 50 % only on the add-on → 1500 + 1000 = 2500¢ = $25.
        var coupon = Coupon("co_test_addon", "forever", percentOff: 50m,
            extra: "\"applies_to\": {\"products\": [\"prod_test_addon\"]},");
        var json = CurrentEvent("active", "usd", [
            CurrentItem("si_test_a", 1, Usd with { UnitAmount = 1500 }),
            CurrentItem("si_test_b", 1, Usd with { Id = "price_test_addon", Product = "prod_test_addon" }),
        ], $"[{CurrentDiscount("di_test_addon", coupon)}]");

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(25.00m, result.Mrr);
    }

    [Fact]
    public void Calculate_MixedCurrencyItems_ExcludesOddItemAndFlags()
    {
        var json = OldEvent("active", [
            OldItem("si_test_a", 1, Usd),
            OldItem("si_test_b", 1, Usd with { Id = "price_test_eur", Currency = "eur" }),
        ]);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(20.00m, result.Mrr);
        Assert.Equal("USD", result.Currency);
        Assert.True(result.IsApproximate);
        Assert.False(Assert.Single(result.Items, i => i.ItemId == "si_test_b").Included);
    }

    [Fact]
    public void Calculate_TieredPriceWithoutTiers_ExcludesItemAndFlags()
    {
        // Webhooks omit `tiers` unless expanded; the figure cannot be known from the payload.
        var json = CurrentEvent("active", "usd", [
            CurrentItem("si_test_a", 1, Usd),
            CurrentItem("si_test_t", 5, Usd with { Id = "price_test_tiered", UnitAmount = null, BillingScheme = "tiered", TiersMode = "volume" }),
        ]);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal(20.00m, result.Mrr);
        Assert.True(result.IsApproximate);
        Assert.Contains("tiers", Assert.Single(result.Items, i => i.ItemId == "si_test_t").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_LegacyItemWithPlanOnly_PricesFromPlan()
    {
        // Pre-Prices payloads have items with only `plan`: 3 × 999¢ = 2997¢ = $29.97.
        var plan = Usd with { UnitAmount = 999 };
        var item = $$"""
            {"id":"si_test_plan","object":"subscription_item","created":1648320105,"metadata":{},
             "plan":{{plan.PlanJson()}},"quantity":3,"subscription":"{{SubscriptionId}}","tax_rates":[]}
            """;

        var result = MrrCalculator.Calculate(Parse(OldEvent("active", [item])));

        Assert.Equal(29.97m, result.Mrr);
        Assert.Equal(359.64m, result.Arr);
    }

    [Fact]
    public void Calculate_PlanNamesAndIntervals_AreLabelled()
    {
        var json = OldEvent("active", [
            OldItem("si_test_a", 1, Usd with { Nickname = "Pro", Interval = "month", IntervalCount = 3 }),
            OldItem("si_test_b", 1, Usd with { Id = "price_test_addon", Nickname = "Extra seats", Interval = "month", IntervalCount = 3 }),
        ]);

        var result = MrrCalculator.Calculate(Parse(json));

        Assert.Equal("Pro + Extra seats", result.PlanName);
        Assert.Equal("Every 3 months", result.PlanInterval);
    }

    [Theory]
    [InlineData("day", 1, "Daily")]
    [InlineData("week", 1, "Weekly")]
    [InlineData("month", 1, "Monthly")]
    [InlineData("year", 1, "Yearly")]
    [InlineData("week", 2, "Every 2 weeks")]
    public void Calculate_SingleInterval_LabelMatches(string interval, int count, string expected)
    {
        var json = CurrentEvent("active", "usd", [CurrentItem("si_test_a", 1, Usd with { Interval = interval, IntervalCount = count })]);

        Assert.Equal(expected, MrrCalculator.Calculate(Parse(json)).PlanInterval);
    }

    [Fact]
    public void Calculate_ItemBreakdown_ReportsPeriodGrossAndNet()
    {
        // Yearly 120000¢ × 2 with item discount 24000¢/year forever: period $2400, gross $200/month, net $180.
        var itemDiscount = $"[{CurrentDiscount("di_test_item", Coupon("co_test_240", "forever", amountOff: 24000, currency: "usd"))}]";
        var json = CurrentEvent("active", "usd", [CurrentItem("si_test_a", 2, Usd with { UnitAmount = 120000, Interval = "year" }, itemDiscount)]);

        var item = Assert.Single(MrrCalculator.Calculate(Parse(json)).Items);

        Assert.Equal(2400.00m, item.PeriodAmount);
        Assert.Equal(200.00m, item.GrossMonthlyAmount);
        Assert.Equal(180.00m, item.NetMonthlyAmount);
        Assert.Equal("USD", item.Currency);
        Assert.Equal(2, item.Quantity);
        Assert.True(item.Included);
    }

    [Fact]
    public void Calculate_NoItems_ZeroWithoutCurrency()
    {
        var result = MrrCalculator.Calculate(Parse(OldEvent("active", [])));

        Assert.Equal(0m, result.Mrr);
        Assert.Null(result.Currency);
        Assert.Empty(result.Items);
    }

    [Fact]
    public void Calculate_NullSubscription_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MrrCalculator.Calculate(null!));
    }

    /// <summary>
    /// Reads a fixture from the source tree: next to this file when the compiler recorded its real
    /// path, else by walking up from the test binaries (deterministic CI builds may map source paths).
    /// </summary>
    private static string Fixture(string name, [CallerFilePath] string thisFile = "")
    {
        var beside = Path.Combine(Path.GetDirectoryName(thisFile) ?? ".", "..", "Fixtures", "stripe", name);
        if (File.Exists(beside))
        {
            return File.ReadAllText(beside);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "StripeSf.Core.Tests", "Fixtures", "stripe", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"Fixture {name} not found beside {thisFile} or above {AppContext.BaseDirectory}.");
    }
}
