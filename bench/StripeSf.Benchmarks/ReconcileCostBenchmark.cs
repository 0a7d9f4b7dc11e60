using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Reconciliation;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Benchmarks;

/// <summary>
/// The reconciliation's cost figure: one window of N synthetic Stripe objects (70% charges, 20% paid
/// invoices each for its own subscription with an Opportunity, 8% refunds, 2% lost disputes, plus
/// N/10,000 Closed Won deals whose grace ends; 1 in 1,000 charges missing in Salesforce and 1 in
/// 1,000 off by a cent) in the loopback Stripe and the loopback org, checked by the production
/// runner (run record, Case and report file written). The stand-ins run in a child process, so
/// the figures are the run's own: wall time, Stripe and Salesforce calls, the live managed heap at
/// its highest (sampled after full collections) and the process's peak working set.
/// </summary>
public static class ReconcileCostBenchmark
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Starts the stand-ins with <paramref name="objects"/> objects in a child process (so this
    /// process holds only the run), runs one reconciliation against them and prints one line.
    /// </summary>
    public static async Task RunAsync(int objects)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReconcileCostBenchmark).Assembly.Location);
        }

        start.ArgumentList.Add("reconcile-standins");
        start.ArgumentList.Add(objects.ToString(CultureInfo.InvariantCulture));
        using var standIns = Process.Start(start)!;
        string[] ready;
        while (true)
        {
            var line = await standIns.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the stand-ins process ended before it was ready");
            Console.WriteLine(line);
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                ready = line.Split(' ');
                break;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = ready[2],
            ["Salesforce:ClientId"] = "bench",
            ["Salesforce:ClientSecret"] = "bench",
            ["Stripe:ApiKey"] = "rk_test_bench",
            ["Stripe:WebhookSecrets"] = "whsec_bench",
            ["Stripe:ApiBase"] = ready[1],
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Error))
            .AddStripeWebhookIngress().AddStripeEventProcessing().AddStripeReconciliation().AddSalesforceClient(configuration)
            .BuildServiceProvider();
        var runner = services.GetRequiredService<ReconciliationRunner>();

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                // What is live, after a full collection (cheap here: the stand-ins are in the other process).
                GC.Collect();
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(250).ConfigureAwait(false);
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();

        using var report = await runner.RunAsync(ReconciliationWindow.ForDays(DateOnly.FromDateTime(Start.UtcDateTime), 1), null, CancellationToken.None);

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await sampling.CancelAsync();
        await sampler;
        await standIns.StandardInput.WriteLineAsync("COUNT");
        var counts = await standIns.StandardOutput.ReadLineAsync();
        await standIns.StandardInput.WriteLineAsync("EXIT");
        await standIns.WaitForExitAsync();
        var classes = string.Join(", ", report.Tally.OrderBy(t => t.Key).Select(t => $"{DiscrepancyClass.Name(t.Key)} {t.Value.Count:N0}"));
        Console.WriteLine(
            $"reconcile {objects:N0} objects: {clock.Elapsed.TotalSeconds:0.0} s wall, CPU {cpu.TotalSeconds:0.0} s in the run process, {report.RecordsChecked:N0} records checked, {report.DiscrepancyCount:N0} discrepancies ({classes}); {counts}; " +
            $"run process: live managed heap peak {(peak - baseline) / 1_048_576.0:0.0} MB above its start (sampled every 250 ms after a full GC), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:0} MB");
    }

    /// <summary>The child process: the loopback Stripe and org with <paramref name="objects"/> objects, until told to exit.</summary>
    public static async Task StandInsAsync(int objects)
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "bench", ClientSecret = "bench" });
        var seeding = Stopwatch.StartNew();
        Seed(stripe, salesforce, objects);
        stripe.AddEndpoint("we_bench", "https://stripesf.example.net/api/stripe/webhook?code=k", StripeSf.Core.Routing.RoutingTable.Default.EventTypes, global::Stripe.StripeConfiguration.ApiVersion);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(), ["Salesforce:ClientId"] = "bench", ["Salesforce:ClientSecret"] = "bench",
        }).Build();
        await using (var client = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSalesforceClient(configuration).BuildServiceProvider())
        {
            await WarmStandInsAsync(stripe, client.GetRequiredService<StripeSf.Salesforce.ISalesforceClient>());
        }

        salesforce.ResetCalls();
        var stripeBefore = stripe.Requests.Count;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"reconcile {objects:N0}: stand-ins seeded in {seeding.Elapsed.TotalSeconds:0} s, process working set {Environment.WorkingSet / 1_048_576.0:0} MB");
        Console.WriteLine($"READY {stripe.BaseUrl} {salesforce.BaseUrl}");
        while (Console.ReadLine() is { } command && command != "EXIT")
        {
            var stripeCalls = stripe.Requests.Skip(stripeBefore).GroupBy(r => r.Path.Split('?')[0].Split('/') is [_, _, var kind, ..] ? kind : "?").OrderByDescending(g => g.Count());
            Console.WriteLine(
                $"stand-ins CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:0.0} s; " +
                $"Stripe calls {stripe.Requests.Count - stripeBefore:N0} ({string.Join(", ", stripeCalls.Select(g => $"{g.Key} {g.Count():N0}"))}); " +
                $"Salesforce API calls {salesforce.ApiCalls:N0} ({string.Join(", ", salesforce.CallCounts.Where(c => c.Key != LoopbackApiCall.Token).Select(c => $"{c.Key} {c.Value:N0}"))})");
        }
    }

    /// <summary>
    /// Builds what the stand-ins build on first use (Stripe's sorted lists, the org's external-id
    /// indexes) before the baseline, so the figure is the run's, not the stand-ins' setup.
    /// </summary>
    private static async Task WarmStandInsAsync(LoopbackStripe stripe, StripeSf.Salesforce.ISalesforceClient salesforce)
    {
        using var http = new HttpClient { BaseAddress = new Uri(stripe.BaseUrl) };
        foreach (var kind in new[] { "charges", "invoices", "refunds", "events" })
        {
            (await http.GetAsync(new Uri($"/v1/{kind}?limit=1", UriKind.Relative))).Dispose();
        }

        foreach (var query in new[]
        {
            StripeSf.Salesforce.Query.Soql.Query($"SELECT Id FROM Stripe_Payment__c WHERE Stripe_Payment_Id__c IN {new[] { "x" }}"),
            StripeSf.Salesforce.Query.Soql.Query($"SELECT Id FROM Stripe_Invoice__c WHERE Stripe_Invoice_Id__c IN {new[] { "x" }}"),
            StripeSf.Salesforce.Query.Soql.Query($"SELECT Id FROM Opportunity WHERE Stripe_Subscription_Id__c IN {new[] { "x" }}"),
        })
        {
            await foreach (var unused in salesforce.QueryAsync(query, CancellationToken.None))
            {
                _ = unused;
            }
        }
    }

    private static void Seed(LoopbackStripe stripe, LoopbackSalesforce salesforce, int objects)
    {
        var charges = objects * 7 / 10;
        var invoices = objects / 5;
        var refunds = objects * 8 / 100;
        var disputes = objects - charges - invoices - refunds;
        for (var i = 0; i < charges; i++)
        {
            var id = $"ch_b{i:0000000}";
            var created = At(i, charges);
            var amount = 1000 + (i % 9000);
            stripe.Add("charges", new JsonObject { ["id"] = id, ["object"] = "charge", ["amount"] = amount, ["amount_refunded"] = 0, ["currency"] = "usd", ["status"] = "succeeded", ["customer"] = $"cus_b{i % 50_000:00000}", ["created"] = created });
            if (i % 1000 != 7)
            {
                salesforce.Seed("Stripe_Payment__c", Entry(id, "Charge", (amount - (i % 1000 == 3 ? 1 : 0)) / 100m, "succeeded", created));
            }
        }

        for (var i = 0; i < invoices; i++)
        {
            var id = $"in_b{i:0000000}";
            var subscription = $"sub_b{i:0000000}";
            var paidAt = At(i, invoices);
            stripe.Add("invoices", new JsonObject
            {
                ["id"] = id, ["object"] = "invoice", ["customer"] = $"cus_b{i % 50_000:00000}", ["status"] = "paid", ["amount_paid"] = 5000, ["currency"] = "usd", ["created"] = paidAt - 3600,
                ["status_transitions"] = new JsonObject { ["paid_at"] = paidAt },
                ["parent"] = new JsonObject { ["type"] = "subscription_details", ["subscription_details"] = new JsonObject { ["subscription"] = subscription } },
            });
            stripe.Objects[$"/v1/subscriptions/{subscription}"] = StripeObjects.Subscription(subscription, $"cus_b{i % 50_000:00000}", "active", 5000, 1, paidAt, paidAt - 86_400 * 40).ToJsonString();
            salesforce.Seed("Stripe_Invoice__c", new JsonObject { ["Stripe_Invoice_Id__c"] = id, ["Amount_Paid__c"] = 50m, ["Currency__c"] = "USD", ["Status__c"] = "paid", ["Paid_At__c"] = Time(paidAt) });
            salesforce.Seed("Opportunity", new JsonObject { ["Name"] = $"Deal {subscription}", ["StageName"] = "Closed Won", ["Amount"] = 600m, ["CloseDate"] = "2026-10-01", ["Stripe_Subscription_Id__c"] = subscription });
        }

        for (var i = 0; i < refunds; i++)
        {
            var id = $"re_b{i:0000000}";
            var created = At(i, refunds);
            stripe.Add("refunds", new JsonObject { ["id"] = id, ["object"] = "refund", ["amount"] = 500, ["charge"] = $"ch_r{i:0000000}", ["currency"] = "usd", ["status"] = "succeeded", ["created"] = created });
            salesforce.Seed("Stripe_Payment__c", Entry(id, "Refund", -5m, "succeeded", created));
        }

        for (var i = 0; i < disputes; i++)
        {
            var id = $"du_b{i:0000000}";
            var created = At(i, disputes);
            var dispute = new JsonObject { ["id"] = id, ["object"] = "dispute", ["amount"] = 2000, ["currency"] = "usd", ["charge"] = $"ch_d{i:0000000}", ["status"] = "lost", ["created"] = created - 86_400 * 20 };
            stripe.Add("events", JsonNode.Parse(TestEvents.Minimal("charge.dispute.closed", $"evt_b{i:0000000}", dispute, created: created))!.AsObject());
            salesforce.Seed("Stripe_Payment__c", Entry(id, "Dispute", -20m, "lost", created));
        }

        for (var i = 0; i < Math.Max(1, objects / 10_000); i++)
        {
            // Closed Won on the 7th: the 14-day grace ends in the window; every other one was paid on the 8th.
            var subscription = $"sub_cw{i:00000}";
            salesforce.Seed("Opportunity", new JsonObject { ["Name"] = $"Deal {subscription}", ["StageName"] = "Closed Won", ["Amount"] = 600m, ["CloseDate"] = "2026-11-07", ["Stripe_Subscription_Id__c"] = subscription });
            if (i % 2 == 0)
            {
                var paid = Start.AddDays(-13).ToUnixTimeSeconds();
                stripe.Add("invoices", new JsonObject
                {
                    ["id"] = $"in_cw{i:00000}", ["object"] = "invoice", ["customer"] = "cus_cw", ["status"] = "paid", ["amount_paid"] = 5000, ["currency"] = "usd", ["created"] = paid,
                    ["status_transitions"] = new JsonObject { ["paid_at"] = paid },
                    ["parent"] = new JsonObject { ["type"] = "subscription_details", ["subscription_details"] = new JsonObject { ["subscription"] = subscription } },
                });
            }
        }
    }

    private static JsonObject Entry(string id, string type, decimal amount, string status, long at) => new()
    {
        ["Stripe_Payment_Id__c"] = id, ["Type__c"] = type, ["Amount__c"] = amount, ["Currency__c"] = "USD", ["Status__c"] = status, ["Paid_At__c"] = Time(at),
    };

    // Spread over the day, one second apart at most, never on the window's edges.
    private static long At(int i, int count) => Start.ToUnixTimeSeconds() + 1 + (long)i * 86_000 / Math.Max(1, count);

    private static string Time(long unix) => DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
