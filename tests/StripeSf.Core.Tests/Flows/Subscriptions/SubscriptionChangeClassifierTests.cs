using System.Text.Json;
using System.Text.Json.Nodes;
using StripeSf.Core.Flows.Subscriptions;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class SubscriptionChangeClassifierTests
{
    private static readonly DateTimeOffset AsOf = DateTimeOffset.FromUnixTimeSeconds(1763100000);

    public static TheoryData<string, SubscriptionChangeKind> Cases => new()
    {
        { "upgrade", SubscriptionChangeKind.Upgrade },
        { "downgrade", SubscriptionChangeKind.Downgrade },
        { "plan change at the same MRR", SubscriptionChangeKind.PlanChange },
        { "quantity change", SubscriptionChangeKind.QuantityChange },
        { "old api upgrade", SubscriptionChangeKind.Upgrade },
        { "status paused", SubscriptionChangeKind.Pause },
        { "collection paused", SubscriptionChangeKind.Pause },
        { "status resumed", SubscriptionChangeKind.Resume },
        { "collection resumed", SubscriptionChangeKind.Resume },
        { "trial conversion", SubscriptionChangeKind.TrialConversion },
        { "renewal", SubscriptionChangeKind.Renewal },
        { "old api renewal", SubscriptionChangeKind.Renewal },
        { "renewal that failed to pay", SubscriptionChangeKind.StatusChange },
        { "cancel at period end", SubscriptionChangeKind.CancelAtPeriodEnd },
        { "cancel at a date", SubscriptionChangeKind.CancelAtPeriodEnd },
        { "reactivation", SubscriptionChangeKind.Reactivation },
        { "status change", SubscriptionChangeKind.StatusChange },
        { "metadata only", SubscriptionChangeKind.Other },
        { "no previous attributes", SubscriptionChangeKind.Other },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_PreviousAttributes_NamesTheChange(string name, SubscriptionChangeKind expected)
    {
        var (now, previous) = Case(name);

        var change = SubscriptionChangeClassifier.Classify(now, previous, AsOf);

        Assert.Equal(expected, change.Kind);
    }

    [Theory]
    [InlineData("upgrade", 300, 750)]
    [InlineData("downgrade", 1500, 750)]
    [InlineData("quantity change", 250, 750)]
    [InlineData("trial conversion", 0, 750)]
    [InlineData("old api upgrade", 38, 98)]
    public void Classify_RevenueFieldsChanged_GivesMrrBeforeAndAfter(string name, int before, int after)
    {
        var (now, previous) = Case(name);

        var change = SubscriptionChangeClassifier.Classify(now, previous, AsOf);

        Assert.Equal(before, change.MrrBefore);
        Assert.Equal(after, change.MrrAfter);
        Assert.Equal(after - before, change.MrrDelta);
        Assert.Equal("USD", change.Currency);
    }

    [Fact]
    public void Classify_NoRevenueFieldChanged_LeavesMrrBeforeUnknown()
    {
        var (now, previous) = Case("metadata only");

        var change = SubscriptionChangeClassifier.Classify(now, previous, AsOf);

        Assert.Null(change.MrrBefore);
        Assert.Null(change.MrrDelta);
    }

    private static (JsonElement Now, JsonElement? Previous) Case(string name) => name switch
    {
        "upgrade" => Current(previous: Items(("price_Flow2Starter", 10000, 3))),
        "downgrade" => Current(previous: Items(("price_Flow2Scale", 50000, 3))),
        "plan change at the same MRR" => Current(previous: Items(("price_Flow2GrowthLegacy", 25000, 3))),
        "quantity change" => Current(previous: Items(("price_Flow2Growth", 25000, 1))),
        "old api upgrade" => Fixture("2020-08-27.customer.subscription.updated.upgrade.json"),
        "status paused" => Current(now => now["status"] = "paused", """{"status":"trialing"}"""),
        "collection paused" => Current(now => now["pause_collection"] = JsonNode.Parse("""{"behavior":"void","resumes_at":null}"""), """{"pause_collection":null}"""),
        "status resumed" => Current(previous: """{"status":"paused"}"""),
        "collection resumed" => Current(previous: """{"pause_collection":{"behavior":"void","resumes_at":null}}"""),
        "trial conversion" => Current(previous: """{"status":"trialing","trial_end":1763000000}"""),
        "renewal" => Current(previous: Items(("price_Flow2Growth", 25000, 3), start: 1760400000, end: 1763000000, extra: "\"latest_invoice\":\"in_Flow2Cur0\"")),
        "old api renewal" => Fixture("2020-08-27.customer.subscription.updated.renewal.json"),
        "renewal that failed to pay" => Current(now => now["status"] = "past_due",
            Items(("price_Flow2Growth", 25000, 3), start: 1760400000, end: 1763000000, extra: "\"status\":\"active\"")),
        "cancel at period end" => Current(now => now["cancel_at_period_end"] = true, """{"cancel_at_period_end":false}"""),
        "cancel at a date" => Current(now => now["cancel_at"] = 1770000000, """{"cancel_at":null}"""),
        "reactivation" => Current(previous: """{"cancel_at_period_end":true,"cancel_at":1765592000}"""),
        "status change" => Current(now => now["status"] = "past_due", """{"status":"active"}"""),
        "metadata only" => Current(previous: """{"metadata":{"team":"old"}}"""),
        "no previous attributes" => Current(previous: null),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    private static (JsonElement, JsonElement?) Current(Action<JsonObject>? change = null, string? previous = null)
    {
        var evt = FlowFixture.Load("subscriptions", "current.customer.subscription.created.json", e => change?.Invoke(FlowFixture.Object(e)));
        return (evt.DataObject, previous is null ? null : JsonDocument.Parse(previous).RootElement.Clone());
    }

    private static (JsonElement, JsonElement?) Current(string? previous) => Current(null, previous);

    private static (JsonElement, JsonElement?) Fixture(string file)
    {
        var evt = FlowFixture.Load("subscriptions", file);
        return (evt.DataObject, evt.Raw.GetProperty("data").GetProperty("previous_attributes"));
    }

    /// <summary>previous_attributes holding the items as they were (current shape: periods on items).</summary>
    private static string Items((string Price, long Amount, long Quantity) item, long start = 1763000000, long end = 1765592000, string? extra = null)
    {
        var now = FlowFixture.Object(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "flows", "subscriptions", "current.customer.subscription.created.json")))!.AsObject());
        var items = now["items"]!.DeepClone().AsObject();
        var line = items["data"]![0]!;
        foreach (var price in new[] { line["price"]!, line["plan"]! })
        {
            price["id"] = item.Price;
        }

        line["price"]!["unit_amount"] = item.Amount;
        line["price"]!["unit_amount_decimal"] = item.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        line["plan"]!["amount"] = item.Amount;
        line["quantity"] = item.Quantity;
        line["current_period_start"] = start;
        line["current_period_end"] = end;
        var previous = new JsonObject { ["items"] = items };
        var json = previous.ToJsonString();
        return extra is null ? json : json[..^1] + "," + extra + "}";
    }
}
