using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Settlement;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Properties;

/// <summary>
/// No delivery order can lose a field: every pair (exhaustively) and every sampled triple of routed
/// events about the same customer, charge, invoice and subscription — in every delivery order, with
/// redeliveries — processed by the production processor against the loopback org (with its
/// <c>STALE_EVENT</c> rule on every <c>*_Event_At__c</c> field) ends in exactly the state of
/// processing them once each in <c>created</c> order.
/// </summary>
/// <remarks>
/// Each run uses fresh Stripe ids (a run suffix) in one shared org, so runs need no clean-up; a
/// snapshot is every record mentioning the suffix, with record Ids replaced by their record's
/// external key and system fields dropped, so Ids minted in a different order compare equal.
/// <para>
/// What is deliberately kept out of the catalogue, and why (orders that legitimately cannot
/// converge):
/// - Placeholder names. The first event that finds no Account creates it under a placeholder name
///   (guard 1970-01-01); a later placeholder is never sent because the Account exists, so which
///   placeholder survives depends on which event was processed first. Any customer event replaces
///   it. The non-customer templates therefore carry no payer / customer name or email, so every
///   placeholder is "Stripe customer &lt;id&gt;".
/// - Two events created in the same second with different contents: the guards are ordered by
///   <c>created</c> (whole seconds) and equal times are not stale, so the last processed wins. Every
///   template has a distinct <c>created</c>.
/// </para>
/// <para>
/// No delivery order is excluded. Every delivery is settled by the production SettlementPolicy (through
/// the SettlementExecutor every host uses); a scheduled retry copy is queued behind what is queued (a dispute
/// before its charge waits for it; an event that finds no Account re-plans with create fields inside
/// the processor), and the only dead letter accepted is a dispute in a set with no event that writes
/// its charge's entry: it waits until its retries are exhausted — in every order alike, the Case
/// written — as the README's limitations say.
/// </para>
/// </remarks>
public sealed class DeliveryOrderProperties(ITestOutputHelper output) : IAsyncLifetime
{
    private const long T = 1_795_100_000;
    private static int s_runs;

    private LoopbackSalesforce _salesforce = null!;
    private ServiceProvider _services = null!;
    private SettlementExecutor _executor = null!;

    /// <summary>Every routed event type, with the records they share.</summary>
    private static readonly Template[] Catalogue =
    [
        new("customer.created", 0, r => Customer(r, "Order Co", $"first{r.S}@order.example.com", phone: "+1 415 555 0100")),
        // The newer snapshot has no phone and no name: what the older one wrote must not survive in one order only.
        new("customer.updated", 10, r => Customer(r, null, $"billing{r.S}@order.example.com", phone: null)),
        new("customer.subscription.created", 20, r => Subscription(r, "trialing")),
        // Completed just after Stripe created the subscription, as Stripe orders them.
        new("checkout.session.completed", 22, r => new JsonObject
        {
            ["id"] = $"cs_P{r.S}", ["object"] = "checkout.session", ["mode"] = "subscription", ["status"] = "complete",
            ["payment_status"] = "no_payment_required", ["customer"] = r.Customer, ["subscription"] = r.Subscription, ["amount_total"] = 0,
            ["currency"] = "usd", ["created"] = T, ["livemode"] = false,
            ["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = r.DealId },
            ["customer_details"] = null,
        }),
        new("customer.subscription.trial_will_end", 30, r => Subscription(r, "trialing")),
        new("invoice.finalized", 40, r => StripeObjects.Invoice(r.Invoice, r.Customer, r.Subscription, "open", 5_000, 0, 0, T + 20, null, T + 35)),
        // Dunning: two failed attempts (a Task each, one collections Case, the Account At Risk while past due),
        // then the payment that closes them; a second invoice still past due keeps the Account At Risk.
        new("invoice.payment_failed", 50, r => StripeObjects.Invoice(r.Invoice, r.Customer, r.Subscription, "open", 5_000, 0, 1, T + 20, null, T + 35)),
        new("charge.failed", 55, r => StripeObjects.Charge(r.FailedCharge, r.Customer, 5_000, 0, "failed", T + 55)),
        new("invoice.payment_failed", 57, r => StripeObjects.Invoice(r.Invoice, r.Customer, r.Subscription, "open", 5_000, 0, 2, T + 20, null, T + 35), Name: "attempt 2"),
        new("invoice.paid", 60, r => StripeObjects.Invoice(r.Invoice, r.Customer, r.Subscription, "paid", 5_000, 5_000, 3, T + 20, T + 59, T + 35)),
        new("invoice.payment_failed", 65, r => StripeObjects.Invoice(r.SecondInvoice, r.Customer, r.Subscription, "open", 700, 0, 1, T + 60, null, T + 64), Name: "second invoice"),
        // One second after invoice.paid: the user's report (processed first, it hid Billing Status for good).
        new("charge.succeeded", 61, r => StripeObjects.Charge(r.Charge, r.Customer, 5_000, 0, "succeeded", T + 59)),
        new("payment_intent.succeeded", 62, r => new JsonObject
        {
            ["id"] = $"pi_P{r.S}", ["object"] = "payment_intent", ["customer"] = r.Customer, ["amount"] = 5_000, ["amount_received"] = 5_000,
            ["currency"] = "usd", ["status"] = "succeeded", ["latest_charge"] = r.Charge, ["created"] = T + 58, ["livemode"] = false,
            ["receipt_email"] = null, ["metadata"] = new JsonObject(),
        }),
        new("invoice.payment_succeeded", 63, r => StripeObjects.Invoice(r.Invoice, r.Customer, r.Subscription, "paid", 5_000, 5_000, 3, T + 20, T + 59, T + 35)),
        new("customer.subscription.updated", 90, r => Subscription(r, "active"), Previous: _ => new JsonObject { ["status"] = "trialing" }, Name: "trial conversion"),
        new("customer.subscription.updated", 100, r => Subscription(r, "active", cancelAtPeriodEnd: true), Previous: _ => new JsonObject { ["cancel_at_period_end"] = false }, Name: "cancel at period end"),
        new("customer.subscription.paused", 110, r => Subscription(r, "paused", cancelAtPeriodEnd: true)),
        new("customer.subscription.resumed", 120, r => Subscription(r, "active", cancelAtPeriodEnd: true)),
        // 1 → 20 seats: an expansion (its own Opportunity, and a Task for the Account owner).
        new("customer.subscription.updated", 125, r => Subscription(r, "active", cancelAtPeriodEnd: true, quantity: 20),
            Previous: r => new JsonObject { ["items"] = Subscription(r, "active")["items"]!.DeepClone() }, Name: "expansion"),
        new("charge.refunded", 130, r => StripeObjects.Charge(r.Charge, r.Customer, 5_000, 5_000, "succeeded", T + 59)),
        new("charge.dispute.created", 140, r => Dispute(r, "needs_response")),
        new("charge.dispute.closed", 150, r => Dispute(r, "lost")),
        // The next period began: the renewal of the term that ended, keyed by that term's end (the new period's start), closed Won.
        new("customer.subscription.updated", 180, r => Subscription(r, "active", cancelAtPeriodEnd: true, quantity: 20, periodStart: T + 170),
            Previous: r => new JsonObject { ["items"] = Subscription(r, "active", quantity: 20)["items"]!.DeepClone() }, Name: "renewal"),
        new("customer.subscription.deleted", 200, r => Subscription(r, "canceled", cancelAtPeriodEnd: true, endedAt: T + 200)),
        new("customer.deleted", 300, r => Customer(r, null, $"billing{r.S}@order.example.com", phone: null)),
    ];

    private static readonly string[] Objects = ["Account", "Contact", "Opportunity", "Contract", "Stripe_Payment__c", "Stripe_Invoice__c", "Case", "Task", "CampaignMember"];
    private static readonly string[] KeyFields = ["Stripe_Customer_Id__c", "Stripe_Subscription_Id__c", "Stripe_Renewal_Key__c", "Stripe_Payment_Id__c", "Stripe_Invoice_Id__c", "Stripe_Case_Key__c", "Stripe_Event_Id__c", "Name"];
    private static readonly HashSet<string> SystemFields = ["Id", "CreatedDate", "LastModifiedDate", "SystemModstamp", "attributes"];

    public async Task InitializeAsync()
    {
        _salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        // The collections Case is on, so its order safety is checked with the Task's and Customer Health's.
        var queue = _salesforce.Seed("Group", new JsonObject { ["Name"] = "Collections", ["DeveloperName"] = "Collections", ["Type"] = "Queue" });
        _services = LoopbackServices.Build(_salesforce, ("Dunning:OpenCase", "true"), ("Dunning:CaseQueue", queue));
        _executor = _services.GetRequiredService<SettlementExecutor>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _salesforce.DisposeAsync();
    }

    [Fact]
    public void Catalogue_OfTemplates_CoversEveryRoutedTypeWithDistinctCreatedTimes()
    {
        Assert.Equal(20, Catalogue.Select(t => t.Type).Distinct().Count());
        Assert.Equal(Catalogue.Length, Catalogue.Select(t => t.At).Distinct().Count());
    }

    /// <summary>The whole story in created order writes every kind of record, so the properties below are not vacuous.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Catalogue_InCreatedOrder_WritesEveryKindOfRecord(bool dealOnSubscription)
    {
        var snapshot = await RunAsync([.. Enumerable.Range(0, Catalogue.Length)], dealOnSubscription);

        string[] expected =
        [
            "Account:cus_P", "Contact:cus_P", "Contract:sub_P", "Opportunity:sub_P", "Opportunity:sub_P:2026-11-19",
            "Stripe_Invoice__c:in_P", "Stripe_Payment__c:ch_P", "Stripe_Payment__c:ch_F", "Stripe_Payment__c:ch_P-refunds",
            "Stripe_Payment__c:du_P", "Case:du_P", "Task:in_P:attempt-1", "Task:in_P:attempt-2", "Case:in_P:payment-failed",
            "Stripe_Invoice__c:in_Q", "Task:in_Q:attempt-1", "Case:in_Q:payment-failed",
        ];
        Assert.All(expected, key => Assert.Contains(key, snapshot.Keys));
        Assert.Contains(snapshot.Keys, k => k.StartsWith("Opportunity:sub_P:expansion:", StringComparison.Ordinal));
        Assert.Contains(snapshot.Keys, k => k.StartsWith("Task:evt_customer.subscription.updated_", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Keys, k => k.StartsWith("Opportunity:Deal", StringComparison.Ordinal));
        var account = snapshot["Account:cus_P"];
        Assert.Contains("Billing_Status__c=Churned", account, StringComparison.Ordinal);
        Assert.Contains("Customer_Health__c=At Risk", account, StringComparison.Ordinal);
        Assert.Contains("Past_Due_Invoices__c=1", account, StringComparison.Ordinal);
        Assert.Contains("Status=Closed", snapshot["Case:in_P:payment-failed"], StringComparison.Ordinal);
        Assert.DoesNotContain("Status=", snapshot["Case:in_Q:payment-failed"], StringComparison.Ordinal);
        Assert.Contains("Status=Completed", snapshot["Task:in_P:attempt-2"], StringComparison.Ordinal);
        Assert.Contains("Last_Payment_Date__c=", account, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every pair, both orders, and both with the older and the newer event redelivered at the end. The deal
    /// to close is named in the checkout session's metadata only (the subscription events then create the
    /// subscription's own Opportunity, which the close supersedes), or on the subscription too (they close
    /// the deal themselves, and write the Contract).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPair_InEveryOrderWithRedeliveries_EndsAsInCreatedOrder(bool dealOnSubscription)
    {
        var failures = new List<string>();
        var runs = 0;
        var started = DateTime.UtcNow;
        for (var i = 0; i < Catalogue.Length; i++)
        {
            for (var j = i + 1; j < Catalogue.Length; j++)
            {
                var expected = await RunAsync([i, j], dealOnSubscription);
                runs++;
                foreach (int[] order in (int[][])[[j, i], [j, i, j], [i, j, i], [j, i, i]])
                {
                    runs++;
                    try
                    {
                        if (Difference(expected, await RunAsync(order, dealOnSubscription)) is { } difference)
                        {
                            failures.Add($"{Describe(order)}: {difference}");
                            break;
                        }
                    }
                    catch (Xunit.Sdk.XunitException ex)
                    {
                        failures.Add($"{Describe(order)}: {ex.Message}");
                        break;
                    }
                }
            }
        }

        output.WriteLine($"{runs} runs over {Catalogue.Length * (Catalogue.Length - 1) / 2} pairs in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} pair orders diverge from created order:\n{string.Join('\n', failures)}");
    }

    /// <summary>Sampled triples in a random delivery order with up to three random redeliveries.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SampledTriples_InAnyOrderWithRedeliveries_EndAsInCreatedOrder(bool dealOnSubscription)
    {
        var index = Gen.Int[0, Catalogue.Length - 1];
        var gen =
            from a in index
            from b in index
            from c in index
            where a != b && b != c && a != c
            from order in Gen.Shuffle(new[] { a, b, c })
            from duplicates in Gen.Int[0, 2].Array[0, 3]
            from positions in Gen.Int[0, 5].Array[3]
            select (Distinct: new[] { a, b, c }, Deliveries: WithDuplicates(order, duplicates, positions));
        var started = DateTime.UtcNow;
        await gen.SampleAsync(async sample =>
        {
            var expected = await RunAsync([.. sample.Distinct.Order()], dealOnSubscription);
            var actual = await RunAsync(sample.Deliveries, dealOnSubscription);
            if (Difference(expected, actual) is { } difference)
            {
                throw new InvalidOperationException($"{Describe(sample.Deliveries)}: {difference}");
            }
        }, iter: 300, threads: 1, seed: "0N0XIzNsQ0O2", print: s => Describe(s.Deliveries));
        output.WriteLine($"300 triples in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
    }

    private static int[] WithDuplicates(int[] order, int[] duplicates, int[] positions)
    {
        var list = order.ToList();
        for (var k = 0; k < duplicates.Length; k++)
        {
            list.Insert(Math.Min(positions[k], list.Count), order[duplicates[k]]);
        }

        return [.. list];
    }

    private static string Describe(IEnumerable<int> order) => string.Join(" → ", order.Select(i => Catalogue[i].Label));

    /// <summary>Processes <paramref name="deliveries"/> in order (re-queuing RetryLater at the end) and snapshots the run's records.</summary>
    private async Task<SortedDictionary<string, string>> RunAsync(int[] deliveries, bool dealOnSubscription)
    {
        var run = new Run($"x{Interlocked.Increment(ref s_runs).ToString("D5", CultureInfo.InvariantCulture)}q", "", dealOnSubscription);
        run = run with
        {
            DealId = _salesforce.Seed("Opportunity", new JsonObject
            {
                ["Name"] = $"Deal {run.S}", ["StageName"] = "Negotiation", ["CloseDate"] = "2026-12-31",
            }),
        };
        // Settled as every host settles: the production SettlementPolicy through the SettlementExecutor;
        // this queue only executes its actions (a scheduled copy goes behind what is queued now).
        var queue = new Queue<InboundMessage>(deliveries.Select(i => Catalogue[i].Message(run, i, attempt: 1)));
        for (var steps = 0; queue.TryDequeue(out var message); steps++)
        {
            Assert.True(steps < 200, "the run does not settle");
            var settlement = new PropertyQueueSettlement(queue, message);
            var result = await _executor.ProcessAndSettleAsync(message, settlement, CancellationToken.None);
            Assert.Null(result.Failure);
            if (settlement.DeadLetter is { } dead && !IsDisputeWithoutCharge(deliveries, message, dead.Reason))
            {
                Assert.Fail($"{message.MessageId} dead-lettered in {Describe(deliveries)}: {dead.Reason} {dead.Description}");
            }
        }

        return Snapshot(run.S);
    }

    // A dispute whose charge never gets an entry waits for it until its retries are exhausted — in every order alike.
    private static bool IsDisputeWithoutCharge(int[] deliveries, InboundMessage message, string reason) =>
        reason == DeadLetterReasons.RetriesExhausted
        && message.MessageId.StartsWith("evt_charge.dispute", StringComparison.Ordinal)
        && !deliveries.Any(i => Catalogue[i].Type is "charge.succeeded" or "payment_intent.succeeded");

    private SortedDictionary<string, string> Snapshot(string suffix)
    {
        var records = Objects.SelectMany(o => _salesforce.Records(o).Select(r => (Object: o, Record: r)))
            .Where(x => x.Record.ToJsonString().Contains(suffix, StringComparison.Ordinal))
            .ToList();
        var keys = records.ToDictionary(
            x => (string)x.Record["Id"]!,
            x => $"{x.Object}:{KeyFields.Select(f => x.Record[f]?.ToString()).FirstOrDefault(v => v is not null)}");
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, record) in records)
        {
            var fields = record
                .Where(p => !SystemFields.Contains(p.Key) && p.Value is not null)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={Normalise(p.Value!.ToString(), keys)}");
            // Two records under one key (a duplicate) stay two entries, so a duplicate shows as an unexpected record.
            var key = keys[(string)record["Id"]!].Replace(suffix, "", StringComparison.Ordinal);
            for (var n = 2; snapshot.ContainsKey(key); n++)
            {
                key = $"{key.Split(" #")[0]} #{n}";
            }

            snapshot[key] = string.Join("; ", fields).Replace(suffix, "", StringComparison.Ordinal);
        }

        return snapshot;
    }

    private static string Normalise(string value, Dictionary<string, string> keys) => keys.TryGetValue(value, out var key) ? $"→{key}" : value;

    private static string? Difference(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        var lines = new StringBuilder();
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var e = expected.GetValueOrDefault(key);
            var a = actual.GetValueOrDefault(key);
            if (e == a)
            {
                continue;
            }

            if (e is null || a is null)
            {
                lines.Append(CultureInfo.InvariantCulture, $"\n    {key}: {(e is null ? "unexpected" : "missing")} record");
                continue;
            }

            var ef = Fields(e);
            var af = Fields(a);
            foreach (var field in ef.Keys.Union(af.Keys).Where(f => ef.GetValueOrDefault(f) != af.GetValueOrDefault(f)).Order(StringComparer.Ordinal))
            {
                lines.Append(CultureInfo.InvariantCulture, $"\n    {key}.{field}: expected {ef.GetValueOrDefault(field) ?? "(none)"}, got {af.GetValueOrDefault(field) ?? "(none)"}");
            }
        }

        return lines.Length == 0 ? null : lines.ToString();

        static Dictionary<string, string> Fields(string text) =>
            text.Split("; ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
    }

    private static JsonObject Customer(Run r, string? name, string email, string? phone)
    {
        var customer = StripeObjects.Customer(r.Customer, name ?? "", email, T);
        customer["name"] = name;
        customer["phone"] = phone;
        return customer;
    }

    private static JsonObject Subscription(Run r, string status, bool cancelAtPeriodEnd = false, long? endedAt = null, int quantity = 1, long periodStart = T + 20)
    {
        var subscription = StripeObjects.Subscription(r.Subscription, r.Customer, status, 5_000, quantity, periodStart, T + 20);
        subscription["trial_start"] = T + 20;
        subscription["trial_end"] = T + 90;
        subscription["cancel_at_period_end"] = cancelAtPeriodEnd;
        subscription["canceled_at"] = endedAt;
        subscription["ended_at"] = endedAt;
        if (r.DealOnSubscription)
        {
            subscription["metadata"] = new JsonObject { ["salesforce_opportunity_id"] = r.DealId };
        }

        return subscription;
    }

    private static JsonObject Dispute(Run r, string status) => new()
    {
        ["id"] = $"du_P{r.S}", ["object"] = "dispute", ["charge"] = r.Charge, ["amount"] = 5_000, ["currency"] = "usd",
        ["reason"] = "fraudulent", ["status"] = status, ["created"] = T + 140, ["livemode"] = false,
        ["evidence_details"] = new JsonObject { ["due_by"] = T + 700_000, ["has_evidence"] = false },
    };

    /// <summary>The ids of one run: every Stripe id carries the run suffix <paramref name="S"/>; the seeded deal Opportunity.</summary>
    private sealed record Run(string S, string DealId, bool DealOnSubscription)
    {
        public string Customer => $"cus_P{S}";
        public string Subscription => $"sub_P{S}";
        public string Invoice => $"in_P{S}";
        public string SecondInvoice => $"in_Q{S}";
        public string Charge => $"ch_P{S}";
        public string FailedCharge => $"ch_F{S}";
    }

    /// <summary>An event of <paramref name="Type"/> created <paramref name="At"/> seconds into the story, about the run's records.</summary>
    private sealed record Template(string Type, long At, Func<Run, JsonObject> Object, Func<Run, JsonObject>? Previous = null, string? Name = null)
    {
        public string Label => Name is null ? Type : $"{Type} ({Name})";

        public InboundMessage Message(Run run, int index, int attempt)
        {
            var id = $"evt_{Type}_{index}{run.S}";
            var envelope = TestEvents.Envelope(Type, id, Object(run), created: T + At);
            if (Previous is not null)
            {
                envelope["data"]!["previous_attributes"] = Previous(run);
            }

            return new InboundMessage(id, "event", Encoding.UTF8.GetBytes(envelope.ToJsonString()), new Dictionary<string, object> { [MessageProperties.Attempt] = attempt });
        }
    }

    /// <summary>The in-memory queue of one run: executes the settlement actions the production policy decides.</summary>
    private sealed class PropertyQueueSettlement(Queue<InboundMessage> queue, InboundMessage message) : IMessageSettlement
    {
        public (string Reason, string Description)? DeadLetter { get; private set; }

        public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken)
        {
            queue.Enqueue(new InboundMessage(copy.MessageId, copy.Subject, copy.Body, copy.ApplicationProperties));
            return Task.CompletedTask;
        }

        public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken)
        {
            DeadLetter = (reason, description);
            return Task.CompletedTask;
        }

        public Task AbandonAsync(CancellationToken cancellationToken)
        {
            queue.Enqueue(message with { DeliveryCount = message.DeliveryCount + 1 });
            return Task.CompletedTask;
        }
    }
}
