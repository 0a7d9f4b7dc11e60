namespace StripeSf.Core.Tests.Revenue;

using static StripeSf.Core.Tests.Revenue.SubscriptionJson;

/// <summary>
/// The MRR/ARR table. Every figure is computed by hand in the comment beside it (minor units → major),
/// so a change in the calculator's arithmetic fails a row rather than silently moving revenue.
/// </summary>
internal static class MrrCases
{
    private static readonly PriceSpec Usd = new() { UnitAmount = 1500 };

    private static string Old(long quantity, PriceSpec price, string status = "active", string? discount = null) =>
        OldEvent(status, [OldItem("si_test_a", quantity, price)], discount);

    private static string Current(long quantity, PriceSpec price, string discounts = "[]", string itemDiscounts = "[]") =>
        CurrentEvent("active", price.Currency, [CurrentItem("si_test_a", quantity, price, itemDiscounts)], discounts);

    private const string VolumeTiers = """
        [{"up_to":5,"unit_amount":1000,"unit_amount_decimal":"1000","flat_amount":null,"flat_amount_decimal":null},
         {"up_to":10,"unit_amount":800,"unit_amount_decimal":"800","flat_amount":500,"flat_amount_decimal":"500"},
         {"up_to":null,"unit_amount":600,"unit_amount_decimal":"600","flat_amount":null,"flat_amount_decimal":null}]
        """;

    private const string GraduatedTiers = """
        [{"up_to":5,"unit_amount":1000,"unit_amount_decimal":"1000","flat_amount":500,"flat_amount_decimal":"500"},
         {"up_to":10,"unit_amount":800,"unit_amount_decimal":"800","flat_amount":300,"flat_amount_decimal":"300"},
         {"up_to":null,"unit_amount":500,"unit_amount_decimal":"500","flat_amount":null,"flat_amount_decimal":null}]
        """;

    public static readonly IReadOnlyDictionary<string, MrrCase> All = new Dictionary<string, MrrCase>
    {
        // 1500¢/month × 1 = $15.00; ARR 12 × 15 = 180.
        ["old monthly"] = new(Old(1, Usd), 15.00m, 180.00m, "USD"),
        ["current monthly"] = new(Current(1, Usd), 15.00m, 180.00m, "USD"),

        // 120000¢/year → 10000¢/month = $100; ARR 1200.
        ["old yearly"] = new(Old(1, Usd with { UnitAmount = 120000, Interval = "year" }), 100.00m, 1200.00m, "USD"),

        // 100000¢/year → 8333.33…¢ = $83.33; ARR from unrounded MRR = $1000.00 (not 12 × 83.33 = 999.96).
        ["old yearly not divisible"] = new(Old(1, Usd with { UnitAmount = 100000, Interval = "year" }), 83.33m, 1000.00m, "USD"),

        // 30000¢ every 3 months → 10000¢/month = $100; ARR 1200.
        ["old every 3 months"] = new(Old(1, Usd with { UnitAmount = 30000, IntervalCount = 3 }), 100.00m, 1200.00m, "USD"),

        // 1000¢/week × 52/12 = 4333.33…¢ → $43.33; ARR 1000 × 52 = 52000¢ = $520.
        ["old weekly"] = new(Old(1, Usd with { UnitAmount = 1000, Interval = "week" }), 43.33m, 520.00m, "USD"),

        // 2000¢ every 2 weeks × 52/24 = 4333.33…¢ → $43.33; ARR 2000 × 26 = $520.
        ["current every 2 weeks"] = new(Current(1, Usd with { UnitAmount = 2000, Interval = "week", IntervalCount = 2 }), 43.33m, 520.00m, "USD"),

        // 100¢/day × 365/12 = 3041.66…¢ → $30.42; ARR 100 × 365 = $365.
        ["old daily"] = new(Old(1, Usd with { UnitAmount = 100, Interval = "day" }), 30.42m, 365.00m, "USD"),

        // 1500¢ × 7 = 10500¢ = $105; ARR 1260.
        ["old quantity 7"] = new(Old(7, Usd), 105.00m, 1260.00m, "USD"),
        ["current quantity 7"] = new(Current(7, Usd), 105.00m, 1260.00m, "USD"),

        // Volume, quantity 7 falls in tier 2 (6–10): 7 × 800 + 500 flat = 6100¢ = $61; ARR 732.
        ["old volume tiers"] = new(Old(7, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "volume", TiersJson = VolumeTiers }), 61.00m, 732.00m, "USD"),

        // Volume, quantity 12 falls in the open tier: 12 × 600 = 7200¢ = $72 (no flat); ARR 864.
        ["current volume tiers top tier"] = new(Current(12, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "volume", TiersJson = VolumeTiers }), 72.00m, 864.00m, "USD"),

        // Graduated, quantity 12: tier 1 5 × 1000 + 500, tier 2 5 × 800 + 300, tier 3 2 × 500
        // = 5500 + 4300 + 1000 = 10800¢ = $108; ARR 1296.
        ["old graduated tiers with flat"] = new(Old(12, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "graduated", TiersJson = GraduatedTiers }), 108.00m, 1296.00m, "USD"),

        // Graduated, quantity 3 stays in tier 1: 3 × 1000 + 500 = 3500¢ = $35; ARR 420.
        ["current graduated tiers first tier"] = new(Current(3, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "graduated", TiersJson = GraduatedTiers }), 35.00m, 420.00m, "USD"),

        // Graduated at quantity 0: the first tier's flat amount is still counted (0 lies in tier 1's
        // range; see PeriodAmount): 0 × 1000 + 500 = 500¢ = $5; ARR 60.
        ["current graduated tiers quantity zero"] = new(Current(0, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "graduated", TiersJson = GraduatedTiers }), 5.00m, 60.00m, "USD"),

        // Volume at quantity 0 falls in tier 1, which has no flat amount: 0.
        ["old volume tiers quantity zero"] = new(Old(0, Usd with { UnitAmount = null, BillingScheme = "tiered", TiersMode = "volume", TiersJson = VolumeTiers }), 0m, 0m, "USD"),

        // transform_quantity 23 seats / 10 rounded up = 3 packs × 5000¢ = $150; ARR 1800.
        ["old transform quantity up"] = new(Old(23, Usd with { UnitAmount = 5000, TransformJson = """{"divide_by":10,"round":"up"}""" }), 150.00m, 1800.00m, "USD"),

        // transform_quantity 23 / 10 rounded down = 2 packs × 5000¢ = $100; ARR 1200.
        ["current transform quantity down"] = new(Current(23, Usd with { UnitAmount = 5000, TransformJson = """{"divide_by":10,"round":"down"}""" }), 100.00m, 1200.00m, "USD"),

        // 2000¢ × 2 = 4000¢, 25 % forever off → 3000¢ = $30; ARR 360.
        ["old percent coupon forever"] = new(Old(2, Usd with { UnitAmount = 2000 }, discount: LegacyDiscount("di_test_pct", Coupon("co_test_25", "forever", percentOff: 25m))), 30.00m, 360.00m, "USD"),

        // 5000¢, 20 % repeating (still on the subscription, so active) → 4000¢ = $40; ARR 480.
        ["old percent coupon repeating"] = new(Old(1, Usd with { UnitAmount = 5000 }, discount: LegacyDiscount("di_test_rep", Coupon("co_test_20", "repeating", percentOff: 20m, durationInMonths: 3), end: 1656096105)), 40.00m, 480.00m, "USD"),

        // 5000¢ − 500¢ forever = 4500¢ = $45; ARR 540.
        ["old amount off forever"] = new(Old(1, Usd with { UnitAmount = 5000 }, discount: LegacyDiscount("di_test_amt", Coupon("co_test_5usd", "forever", amountOff: 500, currency: "usd"))), 45.00m, 540.00m, "USD"),

        // Yearly 120000¢ with 12000¢ off per invoice forever: (120000 − 12000) / 12 = 9000¢ = $90; ARR 1080.
        ["current amount off forever yearly"] = new(Current(1, Usd with { UnitAmount = 120000, Interval = "year" }, discounts: $"[{CurrentDiscount("di_test_amt_y", Coupon("co_test_120usd", "forever", amountOff: 12000, currency: "usd"))}]"), 90.00m, 1080.00m, "USD"),

        // A once coupon discounts one invoice only: 5000¢ stays $50; ARR 600.
        ["old once coupon no effect"] = new(Old(1, Usd with { UnitAmount = 5000 }, discount: LegacyDiscount("di_test_once", Coupon("co_test_once", "once", percentOff: 50m))), 50.00m, 600.00m, "USD"),
        ["current once coupon no effect"] = new(Current(1, Usd with { UnitAmount = 5000 }, discounts: $"[{CurrentDiscount("di_test_once", Coupon("co_test_once", "once", amountOff: 1000, currency: "usd"))}]"), 50.00m, 600.00m, "USD"),

        // Current shape, 10 % forever at subscription level: 2000¢ → 1800¢ = $18; ARR 216.
        ["current percent coupon"] = new(Current(1, Usd with { UnitAmount = 2000 }, discounts: $"[{CurrentDiscount("di_test_pct", Coupon("co_test_10", "forever", percentOff: 10m))}]"), 18.00m, 216.00m, "USD"),

        // Item-level 500¢ forever, then subscription-level 10 %: (2000 − 500) × 0.9 = 1350¢ = $13.50; ARR 162.
        ["current item and subscription discounts"] = new(Current(1, Usd with { UnitAmount = 2000 },
            discounts: $"[{CurrentDiscount("di_test_sub", Coupon("co_test_10", "forever", percentOff: 10m))}]",
            itemDiscounts: $"[{CurrentDiscount("di_test_item", Coupon("co_test_5usd", "forever", amountOff: 500, currency: "usd"))}]"), 13.50m, 162.00m, "USD"),

        // amount_off larger than the invoice is capped: 1000¢ − min(5000, 1000) = 0.
        ["current amount off capped at zero"] = new(Current(1, Usd with { UnitAmount = 1000 }, discounts: $"[{CurrentDiscount("di_test_big", Coupon("co_test_50usd", "forever", amountOff: 5000, currency: "usd"))}]"), 0m, 0m, "USD"),

        // Only an id in `discounts`: the coupon is unknown, so MRR is undiscounted $20 and flagged.
        ["current unexpanded discount flagged"] = new(Current(1, Usd with { UnitAmount = 2000 }, discounts: """["di_test_unexpanded"]"""), 20.00m, 240.00m, "USD", Approximate: true),

        // Two items: 1500¢ × 3 + 2000¢ = 6500¢ = $65; ARR 780.
        ["old multiple items"] = new(OldEvent("active", [OldItem("si_test_a", 3, Usd), OldItem("si_test_b", 1, Usd with { Id = "price_test_addon", Product = "prod_test_addon", UnitAmount = 2000 })]), 65.00m, 780.00m, "USD"),

        // Licensed 1000¢ + metered (0): $10; ARR 120.
        ["current metered counts zero"] = new(CurrentEvent("active", "usd", [CurrentItem("si_test_a", 1, Usd with { UnitAmount = 1000 }), CurrentItem("si_test_m", 0, Usd with { Id = "price_test_api", UnitAmount = 2, UsageType = "metered" })]), 10.00m, 120.00m, "USD"),

        // JPY is zero-decimal: 5000 × 3 = ¥15000; ARR ¥180000.
        ["old jpy monthly"] = new(Old(3, Usd with { Currency = "jpy", UnitAmount = 5000 }), 15000m, 180000m, "JPY"),

        // JPY yearly ¥100000 → ¥8333.33… → ¥8333; ARR ¥100000.
        ["current jpy yearly"] = new(Current(1, Usd with { Currency = "jpy", UnitAmount = 100000, Interval = "year" }), 8333m, 100000m, "JPY"),

        // JPY amount_off forever: ¥5000 − ¥1000 = ¥4000; ARR ¥48000.
        ["old jpy amount off forever"] = new(Old(1, Usd with { Currency = "jpy", UnitAmount = 5000 }, discount: LegacyDiscount("di_test_jpy", Coupon("co_test_1000jpy", "forever", amountOff: 1000, currency: "jpy"))), 4000m, 48000m, "JPY"),

        // KWD 12340 fils with 10 % forever → 11106 fils = 11.106 KWD; ARR 133.272.
        ["current kwd percent coupon"] = new(Current(1, Usd with { Currency = "kwd", UnitAmount = 12340 }, discounts: $"[{CurrentDiscount("di_test_kwd", Coupon("co_test_10", "forever", percentOff: 10m))}]"), 11.106m, 133.272m, "KWD"),

        // KWD is three-decimal: 12340 fils = 12.340 KWD; ARR 148.080.
        ["old kwd monthly"] = new(Old(1, Usd with { Currency = "kwd", UnitAmount = 12340 }), 12.340m, 148.080m, "KWD"),

        // KWD 10000 fils every 3 months → 3333.33… fils = 3.333 KWD; ARR 40.000.
        ["current kwd quarterly"] = new(Current(1, Usd with { Currency = "kwd", UnitAmount = 10000, IntervalCount = 3 }), 3.333m, 40.000m, "KWD"),

        // unit_amount_decimal 12.345¢ × 100 = 1234.5¢ → $12.35 (half away from zero); ARR 14814¢ = $148.14.
        ["current unit amount decimal fractional cents"] = new(Current(100, Usd with { UnitAmount = null, UnitAmountDecimal = "12.345" }), 12.35m, 148.14m, "USD"),

        // Statuses: trial, ended and paused count 0; dunning still counts.
        ["old trialing is zero"] = new(Old(1, Usd with { UnitAmount = 5000 }, status: "trialing"), 0m, 0m, "USD"),
        ["old canceled is zero"] = new(Old(1, Usd, status: "canceled"), 0m, 0m, "USD"),
        ["old incomplete expired is zero"] = new(Old(1, Usd, status: "incomplete_expired"), 0m, 0m, "USD"),
        ["old incomplete is zero"] = new(Old(1, Usd, status: "incomplete"), 0m, 0m, "USD"),
        ["current paused is zero"] = new(CurrentEvent("paused", "usd", [CurrentItem("si_test_a", 1, Usd)]), 0m, 0m, "USD"),
        ["old past due counts"] = new(Old(1, Usd, status: "past_due"), 15.00m, 180.00m, "USD"),
        ["old unpaid counts"] = new(Old(1, Usd, status: "unpaid"), 15.00m, 180.00m, "USD"),
    };
}
