namespace StripeSf.Core.Tests.Revenue;

using System.Globalization;
using System.Text.Json;
using StripeSf.Core.Facts;

/// <summary>
/// Builds customer.subscription.* events in the 2020-08-27 shape (legacy <c>discount</c>, top-level
/// <c>plan</c>/<c>quantity</c>, items with both plan and price) and the current shape (<c>currency</c>,
/// <c>discounts</c> array, item-level <c>discounts</c> and periods), modelled on the recorded fixtures,
/// and reads them exactly as the product does (the event's <c>data.object</c> into <see cref="SubscriptionFacts"/>).
/// </summary>
internal static class SubscriptionJson
{
    public const string SubscriptionId = "sub_test_rev_0001";

    public static SubscriptionFacts Parse(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        return EventFacts.Of(document.RootElement.Clone()).Subscription();
    }

    /// <summary>An item as 2020-08-27 renders it: plan and price side by side.</summary>
    public static string OldItem(string id, long quantity, PriceSpec price) => $$"""
        {
          "id": "{{id}}",
          "object": "subscription_item",
          "billing_thresholds": null,
          "created": 1648320105,
          "metadata": {},
          "plan": {{price.PlanJson()}},
          "price": {{price.PriceJson()}},
          "quantity": {{quantity.ToString(CultureInfo.InvariantCulture)}},
          "subscription": "{{SubscriptionId}}",
          "tax_rates": []
        }
        """;

    /// <summary>An item as the current API renders it: price, plan, item discounts and periods.</summary>
    public static string CurrentItem(string id, long quantity, PriceSpec price, string discountsJson = "[]") => $$"""
        {
          "created": 1721954054,
          "discounts": {{discountsJson}},
          "id": "{{id}}",
          "metadata": {},
          "object": "subscription_item",
          "price": {{price.PriceJson()}},
          "quantity": {{quantity.ToString(CultureInfo.InvariantCulture)}},
          "subscription": "{{SubscriptionId}}",
          "tax_rates": [],
          "plan": {{price.PlanJson()}},
          "current_period_end": 1724632454,
          "current_period_start": 1721954054,
          "billing_thresholds": null
        }
        """;

    /// <summary>A coupon object; pass either percentOff or amountOff (+ currency).</summary>
    public static string Coupon(
        string id, string duration, decimal? percentOff = null, long? amountOff = null, string? currency = null,
        int? durationInMonths = null, string extra = "") => $$"""
        {
          "id": "{{id}}",
          "object": "coupon",
          "amount_off": {{Json(amountOff)}},
          "created": 1648320000,
          "currency": {{(currency is null ? "null" : $"\"{currency}\"")}},
          "duration": "{{duration}}",
          "duration_in_months": {{Json(durationInMonths)}},
          "livemode": false,
          "max_redemptions": null,
          "metadata": {},
          "name": null,
          "percent_off": {{Json(percentOff)}},
          "redeem_by": null,
          "times_redeemed": 1,
          {{extra}}
          "valid": true
        }
        """;

    /// <summary>A discount as 2020-08-27 (and up to 2025) renders it: coupon directly on the discount.</summary>
    public static string LegacyDiscount(string id, string couponJson, long? end = null) => $$"""
        {
          "id": "{{id}}",
          "object": "discount",
          "checkout_session": null,
          "coupon": {{couponJson}},
          "customer": "cus_test_rev",
          "end": {{Json(end)}},
          "invoice": null,
          "invoice_item": null,
          "promotion_code": null,
          "start": 1648320105,
          "subscription": "{{SubscriptionId}}"
        }
        """;

    /// <summary>A discount as the current API renders it: coupon under source.coupon.</summary>
    public static string CurrentDiscount(string id, string couponJson, long? end = null) => $$"""
        {
          "checkout_session": null,
          "customer": "cus_test_rev",
          "end": {{Json(end)}},
          "id": "{{id}}",
          "invoice": null,
          "invoice_item": null,
          "object": "discount",
          "promotion_code": null,
          "start": 1721954054,
          "subscription": "{{SubscriptionId}}",
          "subscription_item": null,
          "source": {
            "coupon": {{couponJson}},
            "type": "coupon"
          },
          "customer_account": null
        }
        """;

    /// <summary>A customer.subscription.updated event at API version 2020-08-27.</summary>
    public static string OldEvent(string status, IEnumerable<string> items, string? discountJson = null, string extra = "")
    {
        var itemList = items.ToList();
        return $$"""
        {
          "id": "evt_test_rev_old",
          "object": "event",
          "api_version": "2020-08-27",
          "created": 1648320106,
          "data": {
            "object": {
              "id": "{{SubscriptionId}}",
              "object": "subscription",
              "application_fee_percent": null,
              "billing_cycle_anchor": 1648320105,
              "cancel_at": null,
              "cancel_at_period_end": false,
              "canceled_at": null,
              "collection_method": "charge_automatically",
              "created": 1648320105,
              "current_period_end": 1650998505,
              "current_period_start": 1648320105,
              "customer": "cus_test_rev",
              "default_tax_rates": [],
              "discount": {{discountJson ?? "null"}},
              "ended_at": null,
              "items": {
                "object": "list",
                "data": [{{string.Join(",", itemList)}}],
                "has_more": false,
                "total_count": {{itemList.Count}},
                "url": "/v1/subscription_items?subscription={{SubscriptionId}}"
              },
              "latest_invoice": "in_test_rev",
              "livemode": false,
              "metadata": {},
              "pause_collection": null,
              {{extra}}
              "quantity": 1,
              "schedule": null,
              "start_date": 1648320105,
              "status": "{{status}}",
              "trial_end": null,
              "trial_start": null
            },
            "previous_attributes": {}
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "customer.subscription.updated"
        }
        """;
    }

    /// <summary>A customer.subscription.created event at the current API version.</summary>
    public static string CurrentEvent(
        string status, string currency, IEnumerable<string> items, string discountsJson = "[]", string extra = "") => $$"""
        {
          "id": "evt_test_rev_current",
          "object": "event",
          "api_version": "2026-07-29.dahlia",
          "created": 1721954060,
          "data": {
            "object": {
              "id": "{{SubscriptionId}}",
              "object": "subscription",
              "application": null,
              "billing_cycle_anchor": 1721954054,
              "cancel_at": null,
              "canceled_at": null,
              "collection_method": "charge_automatically",
              "created": 1721954054,
              "currency": "{{currency}}",
              "customer": "cus_test_rev",
              "default_tax_rates": [],
              "description": null,
              "discounts": {{discountsJson}},
              "ended_at": null,
              "items": {
                "data": [{{string.Join(",", items)}}],
                "has_more": false,
                "object": "list",
                "url": "/v1/subscription_items?subscription={{SubscriptionId}}"
              },
              "latest_invoice": null,
              "livemode": false,
              "metadata": {},
              "pause_collection": null,
              {{extra}}
              "schedule": null,
              "start_date": 1721954054,
              "status": "{{status}}",
              "test_clock": null,
              "trial_end": null,
              "trial_start": null,
              "cancel_at_period_end": false
            }
          },
          "livemode": false,
          "pending_webhooks": 1,
          "request": { "id": null, "idempotency_key": null },
          "type": "customer.subscription.created"
        }
        """;

    private static string Json(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Json(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Json(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";
}
