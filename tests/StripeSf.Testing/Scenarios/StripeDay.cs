using System.Text;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.Scenarios;

/// <summary>
/// A day of Stripe activity for N customers, in the current API shape: sign-up, profile change,
/// subscription, invoice (some failing once first), payment, some upgrades, refunds and
/// cancellations — with the Salesforce state it must end in, whatever the delivery order.
/// </summary>
public sealed class StripeDay
{
    private const long DayStart = 1_795_000_000;
    private const long UnitAmount = 5_000;

    private StripeDay(IReadOnlyList<ScenarioEvent> events, IReadOnlyList<CustomerExpectation> expected)
    {
        Events = events;
        Expected = expected;
    }

    /// <summary>Every distinct event of the day, in the order Stripe created them.</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; }

    /// <summary>The expected end state per customer.</summary>
    public IReadOnlyList<CustomerExpectation> Expected { get; }

    /// <summary>Builds the day for <paramref name="customers"/> customers.</summary>
    public static StripeDay Create(int customers)
    {
        var events = new List<ScenarioEvent>();
        var expected = new List<CustomerExpectation>();
        for (var i = 0; i < customers; i++)
        {
            expected.Add(AddCustomer(i, events));
        }

        return new StripeDay([.. events.OrderBy(e => e.Created).ThenBy(e => e.Id, StringComparer.Ordinal)], expected);
    }

    /// <summary>The deliveries: each event 1–5 times, shuffled (seeded, so a failure can be replayed).</summary>
    public IReadOnlyList<ScenarioEvent> Deliveries(int seed)
    {
        var random = new Random(seed);
        var deliveries = Events.SelectMany(e => Enumerable.Repeat(e, random.Next(1, 6))).ToArray();
        random.Shuffle(deliveries);
        return deliveries;
    }

    private static CustomerExpectation AddCustomer(int i, List<ScenarioEvent> events)
    {
        var n = i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var customer = $"cus_chaos{n}";
        var subscription = $"sub_chaos{n}";
        var invoice = $"in_chaos{n}";
        var charge = $"ch_chaos{n}";
        var t = DayStart + (i * 60);
        var quantity = 1 + (i % 3);
        var failsFirst = i % 5 == 0;
        var upgrades = i % 4 == 1;
        var refunds = i % 7 == 3;
        var cancels = i % 10 == 9;
        var email = $"billing{n}@chaos.example.com";
        var amount = UnitAmount * quantity;

        Add(events, $"evt_chaos{n}a", "customer.created", t, StripeObjects.Customer(customer, $"Chaos Co {n}", $"first{n}@chaos.example.com", t));
        Add(events, $"evt_chaos{n}b", "customer.updated", t + 600, StripeObjects.Customer(customer, $"Chaos Co {n}", email, t));
        Add(events, $"evt_chaos{n}c", "customer.subscription.created", t + 1200, StripeObjects.Subscription(subscription, customer, "active", UnitAmount, quantity, t + 1200, t + 1200));
        Add(events, $"evt_chaos{n}d", "invoice.finalized", t + 1300, StripeObjects.Invoice(invoice, customer, subscription, "open", amount, 0, 0, t + 1200, null, t + 1250));
        if (failsFirst)
        {
            Add(events, $"evt_chaos{n}e", "invoice.payment_failed", t + 1400, StripeObjects.Invoice(invoice, customer, subscription, "open", amount, 0, 1, t + 1200, null, t + 1250));
        }

        Add(events, $"evt_chaos{n}f", "charge.succeeded", t + 2000, StripeObjects.Charge(charge, customer, amount, 0, "succeeded", t + 2000));
        Add(events, $"evt_chaos{n}g", "invoice.paid", t + 2010, StripeObjects.Invoice(invoice, customer, subscription, "paid", amount, amount, failsFirst ? 2 : 1, t + 1200, t + 2010, t + 1250));

        var mrr = (decimal)amount / 100;
        if (upgrades)
        {
            var upgraded = StripeObjects.Subscription(subscription, customer, "active", UnitAmount, quantity + 2, t + 1200, t + 1200);
            AddUpdate(events, $"evt_chaos{n}h", t + 3000, upgraded, quantity);
            mrr = (decimal)(UnitAmount * (quantity + 2)) / 100;
        }

        var refunded = 0m;
        if (refunds)
        {
            Add(events, $"evt_chaos{n}i", "charge.refunded", t + 4000, StripeObjects.Charge(charge, customer, amount, 1_000, "succeeded", t + 2000));
            refunded = 10m;
        }

        var status = "active";
        var billing = "Current";
        if (cancels)
        {
            Add(events, $"evt_chaos{n}j", "customer.subscription.deleted", t + 5000,
                StripeObjects.Subscription(subscription, customer, "canceled", UnitAmount, upgrades ? quantity + 2 : quantity, t + 1200, t + 1200));
            status = "canceled";
            billing = "Churned";
            mrr = 0m;
        }

        return new CustomerExpectation(customer, $"Chaos Co {n}", email, subscription, status, mrr, billing, charge, (decimal)amount / 100, refunded, invoice, "paid", failsFirst);
    }

    private static void AddUpdate(List<ScenarioEvent> events, string id, long created, JsonObject subscription, int previousQuantity)
    {
        var previousItems = subscription["items"]!.DeepClone().AsObject();
        previousItems["data"]![0]!["quantity"] = previousQuantity;
        var payload = Stripe.TestEvents.Envelope("customer.subscription.updated", id, subscription, created: created);
        payload["data"]!["previous_attributes"] = new JsonObject { ["items"] = previousItems };
        events.Add(new ScenarioEvent(id, "customer.subscription.updated", created, Encoding.UTF8.GetBytes(payload.ToJsonString())));
    }

    private static void Add(List<ScenarioEvent> events, string id, string type, long created, JsonObject dataObject) =>
        events.Add(new ScenarioEvent(id, type, created, Stripe.TestEvents.Minimal(type, id, dataObject, created: created)));
}
