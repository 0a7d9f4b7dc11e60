using System.Text.Json.Nodes;
using StripeSf.Core.Facts;
using StripeSf.Core.Processing;
using StripeSf.Core.Revenue;
using static StripeSf.Core.Tests.Facts.FactsFixture;

namespace StripeSf.Core.Tests.Facts;

/// <summary>One subscription (4 seats × $25/month, 20 % forever) as four API versions render it.</summary>
public sealed class SubscriptionFactsTests
{
    public static TheoryData<string> AllVersions => new(
        "subscription.2020-08-27.json",
        "subscription.2024-06-20.json",
        "subscription.2025-03-31.basil.json",
        "subscription.2026-07-29.dahlia.json");

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void From_EveryVersion_ReadsIdsCurrencyAndTheSeatItem(string file)
    {
        var facts = Load(file).Subscription();

        Assert.Equal("sub_facts_0001", facts.Id);
        Assert.Equal("cus_facts_0001", facts.CustomerId);
        Assert.Equal("usd", facts.Currency);
        var seats = facts.Items[0];
        Assert.Equal("si_facts_seats", seats.Id);
        Assert.Equal(4, seats.Quantity);
        Assert.Equal("price_facts_seats", seats.Price?.Id);
        Assert.Equal("prod_facts_seats", seats.Price?.ProductId);
        Assert.Equal(2500m, seats.Price?.UnitAmount);
        Assert.Equal("month", seats.Price?.Interval);
        Assert.Equal(1, seats.Price?.IntervalCount);
        Assert.False(seats.Price?.FromLegacyPlan);
    }

    [Theory]
    [MemberData(nameof(AllVersions))]
    public void From_EveryVersion_FindsTheTwentyPercentCouponOnce(string file)
    {
        var facts = Load(file).Subscription();

        var discount = facts.Discounts[0];
        Assert.Equal("co_facts_20", discount.Coupon?.Id);
        Assert.Equal(20m, discount.Coupon?.PercentOff);
        Assert.Equal("forever", discount.Coupon?.Duration);
        Assert.Single(facts.Discounts, d => d.Coupon?.Id == "co_facts_20");
    }

    [Theory]
    [InlineData("subscription.2020-08-27.json", 1648320105L, 1650998505L)]
    [InlineData("subscription.2024-06-20.json", 1719000000L, 1721592000L)]
    [InlineData("subscription.2025-03-31.basil.json", 1745000000L, 1747592000L)]
    [InlineData("subscription.2026-07-29.dahlia.json", 1785000000L, 1787592000L)]
    public void From_CurrentPeriod_TopLevelBeforeBasilOnItemsSince(string file, long start, long end)
    {
        var facts = Load(file).Subscription();

        Assert.Equal(Unix(start), facts.CurrentPeriodStart);
        Assert.Equal(Unix(end), facts.CurrentPeriodEnd);
    }

    [Fact]
    public void From_Basil_ItemCarriesItsOwnPeriod()
    {
        var item = Load("subscription.2025-03-31.basil.json").Subscription().Items[0];

        Assert.Equal(Unix(1745000000), item.CurrentPeriodStart);
        Assert.Equal(Unix(1747592000), item.CurrentPeriodEnd);
    }

    [Fact]
    public void From_2020_HasNoSubscriptionCurrency_TakesTheItemsAndTheApiVersion()
    {
        var facts = Load("subscription.2020-08-27.json").Subscription();

        Assert.Equal("usd", facts.Currency);
        Assert.Equal(new DateOnly(2020, 8, 27), facts.ApiVersion?.Date);
        Assert.Equal("006000000000001AAA", facts.Metadata["salesforce_opportunity_id"]);
        Assert.Equal("active", facts.Status);
        Assert.Equal(Unix(1648320105), facts.StartDate);
    }

    [Fact]
    public void From_2024_LegacyDiscountAlsoListedById_IsKeptOnceWithItsCoupon()
    {
        var facts = Load("subscription.2024-06-20.json").Subscription();

        var discount = Assert.Single(facts.Discounts);
        Assert.Equal("di_facts_both", discount.Id);
        Assert.NotNull(discount.Coupon);
        Assert.Null(discount.Problem);
    }

    [Fact]
    public void From_2024_ExpandedCustomerAndProduct_AreRead()
    {
        var facts = Load("subscription.2024-06-20.json").Subscription();

        Assert.Equal("Ada Lovelace", facts.CustomerName);
        Assert.Equal("001000000000001AAA", facts.CustomerMetadata["salesforce_account_id"]);
        Assert.Equal("Team seats", facts.Items[0].Price?.ProductName);
        Assert.True(facts.CollectionPaused);
        Assert.Equal("keep_as_draft", facts.PauseBehavior);
    }

    [Fact]
    public void From_Basil_CancellationDetails_AreRead()
    {
        var facts = Load("subscription.2025-03-31.basil.json").Subscription();

        Assert.Equal("cancellation_requested", facts.CancellationReason);
        Assert.Equal("too_expensive", facts.CancellationComment);
        Assert.Equal(Unix(1760000000), facts.CancelAt);
        Assert.Equal(Unix(1745000005), facts.CanceledAt);
    }

    [Fact]
    public void From_Dahlia_SourceCouponUnexpanded_IsReportedNotGuessed()
    {
        var facts = Load("subscription.2026-07-29.dahlia.json").Subscription();

        var unexpanded = Assert.Single(facts.Discounts, d => d.Id == "di_facts_unexpanded");
        Assert.Null(unexpanded.Coupon);
        Assert.Contains("co_facts_unknown", unexpanded.Problem, StringComparison.Ordinal);
        Assert.True(facts.CancelAtPeriodEnd);
        Assert.Equal("Moving to annual", facts.CancellationComment);
        Assert.Equal(Unix(1786209600), facts.TrialEnd);
    }

    [Fact]
    public void From_Dahlia_TieredPriceWithoutTiers_LacksTiers()
    {
        var volume = Load("subscription.2026-07-29.dahlia.json").Subscription().Items[1].Price!;

        Assert.Equal("tiered", volume.BillingScheme);
        Assert.Equal("volume", volume.TiersMode);
        Assert.Null(volume.Tiers);
        Assert.True(volume.LacksTiers);
    }

    [Fact]
    public void From_ExpandedTiers_ReadsInfAsOpenEndedAndDecimalStrings()
    {
        var facts = Load("subscription.2026-07-29.dahlia.json", sub =>
            sub["items"]!["data"]![1]!["price"]!["tiers"] = JsonNode.Parse("""
                [{"up_to": 10, "unit_amount": 1000, "unit_amount_decimal": "1000", "flat_amount": null, "flat_amount_decimal": null},
                 {"up_to": "inf", "unit_amount": null, "unit_amount_decimal": "750.5", "flat_amount": 500, "flat_amount_decimal": "500"}]
                """)).Subscription();

        var tiers = facts.Items[1].Price!.Tiers!;
        Assert.Equal(new TierFacts(10, 1000m, 0m), tiers[0]);
        Assert.Equal(new TierFacts(null, 750.5m, 500m), tiers[1]);
        Assert.False(facts.Items[1].Price!.LacksTiers);
    }

    [Fact]
    public void From_PlanOnlyItem_IsPricedFromThePlan()
    {
        var facts = Load("subscription.2020-08-27.json", sub =>
            sub["items"]!["data"]![0]!.AsObject().Remove("price")).Subscription();

        var price = facts.Items[0].Price!;
        Assert.True(price.FromLegacyPlan);
        Assert.Equal("price_facts_seats", price.Id);
        Assert.Equal(2500m, price.UnitAmount);
        Assert.Equal("Seats", price.Nickname);
    }

    [Fact]
    public void From_NoCustomer_IsUnmappable()
    {
        var error = Assert.Throws<UnmappableEventException>(() =>
            Load("subscription.2025-03-31.basil.json", sub => sub.Remove("customer")).Subscription());

        Assert.Contains("sub_facts_0001 has no customer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoId_IsUnmappableNamingTheField()
    {
        var error = Assert.Throws<UnmappableEventException>(() =>
            Load("subscription.2025-03-31.basil.json", sub => sub.Remove("id")).Subscription());

        Assert.Equal("subscription has no id", error.Message);
    }

    [Theory]
    [InlineData("subscription.2020-08-27.json")]
    [InlineData("subscription.2024-06-20.json")]
    [InlineData("subscription.2025-03-31.basil.json")]
    public void Mrr_SameSubscriptionInEveryShape_IsEightyDollars(string file)
    {
        // 4 × 2500¢ = 10000¢, 20 % forever → 8000¢ = $80; ARR 960.
        var revenue = MrrCalculator.Calculate(Load(file).Subscription());

        Assert.Equal(80.00m, revenue.Mrr);
        Assert.Equal(960.00m, revenue.Arr);
        Assert.Equal(100.00m, revenue.MrrBeforeDiscounts);
        Assert.Equal("USD", revenue.Currency);
        Assert.False(revenue.IsApproximate);
    }

    [Fact]
    public void Mrr_DahliaTrialWithUnexpandedTiers_ZeroButPotentialFromSeatsAndApproximate()
    {
        var revenue = MrrCalculator.Calculate(Load("subscription.2026-07-29.dahlia.json").Subscription());

        Assert.Equal(0m, revenue.Mrr);
        Assert.Equal(80.00m, revenue.PotentialMrr);
        Assert.True(revenue.IsApproximate);
        Assert.Contains(revenue.Notes, n => n.Contains("co_facts_unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void From_ObjectFetchedAtANewerVersionThanTheEnvelope_IsReadByItsShape()
    {
        // The tier completer swaps data.object for the subscription fetched at Stripe.net's version;
        // the envelope keeps the endpoint's 2020-08-27. Periods are still found on the items.
        var facts = Load("subscription.2026-07-29.dahlia.json", changeEvent: e => e["api_version"] = "2020-08-27").Subscription();

        Assert.Equal(new DateOnly(2020, 8, 27), facts.ApiVersion?.Date);
        Assert.Equal(Unix(1785000000), facts.CurrentPeriodStart);
        Assert.Equal("co_facts_20", facts.Discounts[0].Coupon?.Id);
    }

    [Fact]
    public void Coupon_CurrencyOptionsAndAppliesTo_AreRead()
    {
        var facts = Load("subscription.2026-07-29.dahlia.json", sub =>
            sub["discounts"]![0]!["source"]!["coupon"] = JsonNode.Parse("""
                {"id": "co_facts_multi", "object": "coupon", "amount_off": 500, "currency": "usd", "duration": "repeating",
                 "duration_in_months": 3, "percent_off": null,
                 "currency_options": {"EUR": {"amount_off": 450}, "gbp": {"amount_off": null}},
                 "applies_to": {"products": ["prod_facts_seats"]}}
                """)).Subscription();

        var coupon = facts.Discounts[0].Coupon!;
        Assert.Equal(500, coupon.AmountOff);
        Assert.Null(coupon.PercentOff);
        Assert.Equal(450, coupon.AmountOffIn("eur"));
        Assert.Equal(500, coupon.AmountOffIn("USD"));
        Assert.Null(coupon.AmountOffIn("gbp"));
        Assert.Equal(["prod_facts_seats"], coupon.AppliesToProducts!);
        Assert.Equal("repeating", coupon.Duration);
    }

    [Fact]
    public void Item_Discounts_AreTheItemsOwn()
    {
        var facts = Load("subscription.2025-03-31.basil.json", sub =>
            sub["items"]!["data"]![0]!["discounts"] = JsonNode.Parse("""
                [{"id": "di_facts_item", "object": "discount", "end": 1750000000,
                  "coupon": {"id": "co_facts_10", "object": "coupon", "duration": "repeating", "percent_off": 10}}]
                """)).Subscription();

        var discount = Assert.Single(facts.Items[0].Discounts);
        Assert.Equal("co_facts_10", discount.Coupon?.Id);
        Assert.Equal(Unix(1750000000), discount.End);
        Assert.Equal("di_facts_basil", Assert.Single(facts.Discounts).Id);
    }

    public static TheoryData<string> EverySubscriptionFixture => BillingFixtureFactsTests.Files("subscription");

    [Theory]
    [MemberData(nameof(EverySubscriptionFixture))]
    public void From_EveryRecordedSubscription_HasIdsItemsCurrencyAndPeriod(string file)
    {
        var root = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file))).RootElement.Clone();
        var facts = EventFacts.Of(root).Subscription();

        Assert.StartsWith("sub_", facts.Id, StringComparison.Ordinal);
        Assert.StartsWith("cus_", facts.CustomerId, StringComparison.Ordinal);
        Assert.NotEmpty(facts.Items);
        Assert.All(facts.Items, i => Assert.NotNull(i.Price?.Id));
        Assert.NotNull(facts.Currency);
        Assert.NotNull(facts.CurrentPeriodEnd);
        Assert.NotNull(facts.ApiVersion);
    }
}
