using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Replay;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>
/// A day of mixed events for 50 customers, each delivered 1–5 times, shuffled, processed
/// concurrently with the production processor and Salesforce client against the loopback org with
/// 20 % injected faults: the org must end exactly in the expected state. Every delivery runs
/// through <c>SettlementExecutor</c> and <c>SettlementPolicy</c> (StripeSf.Core.Settlement),
/// the same mapping the Service Bus functions settle with; only the host's IMessageSettlement
/// differs (ServiceBusMessageSettlementTests covers the Azure one).
/// </summary>
public sealed class ChaosDayTests(ITestOutputHelper output)
{
    private const int Customers = 50;

    [Fact]
    public async Task Replay_DayDeliveredDuplicatedShuffledWithFaults_EndsInTheExpectedState()
    {
        var day = StripeDay.Create(Customers);
        var deliveries = day.Deliveries(seed: 20261122);
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        salesforce.Faults.ServiceUnavailableRate = 0.08;
        salesforce.Faults.UnableToLockRowRate = 0.08;
        salesforce.Faults.RequestLimitExceededRate = 0.04;
        await using var services = LoopbackServices.Build(salesforce);

        var results = await services.GetRequiredService<EventReplayer>().ReplayAsync(
            [.. deliveries.Select(d => (d.Id, d.Payload))],
            new ReplayOptions { Concurrency = 8, MaxRetryDelay = TimeSpan.Zero },
            CancellationToken.None);
        salesforce.Faults.Clear();
        Report(day, deliveries.Count, results, salesforce);

        Assert.All(results.Where(r => r.State == ReplayStates.DeadLettered), r => Assert.Fail($"{r.EventId} dead-lettered: {r.Detail}"));
        var processed = results.Where(r => r.State != ReplayStates.Duplicate).ToList();
        Assert.Equal(day.Events.Select(e => e.Id).Order(), processed.Select(r => r.EventId!).Order());
        AssertUniqueKeys(salesforce);
        AssertExpectedState(day, salesforce);
    }

    private static void AssertExpectedState(StripeDay day, LoopbackSalesforce salesforce)
    {
        var accounts = ByKey(salesforce, "Account", "Stripe_Customer_Id__c");
        var contacts = ByKey(salesforce, "Contact", "Stripe_Customer_Id__c");
        var payments = ByKey(salesforce, "Stripe_Payment__c", "Stripe_Payment_Id__c");
        var invoices = ByKey(salesforce, "Stripe_Invoice__c", "Stripe_Invoice_Id__c");
        var opportunities = ByKey(salesforce, "Opportunity", "Stripe_Subscription_Id__c");
        var tasks = ByKey(salesforce, "Task", "Stripe_Event_Id__c");

        Assert.Equal(Customers, accounts.Count);
        Assert.Equal(Customers, contacts.Count);
        Assert.Equal(Customers, invoices.Count);
        Assert.Equal(Customers, opportunities.Count);
        Assert.Equal(day.Expected.Count(e => e.HadFailedPayment), tasks.Count);
        foreach (var expected in day.Expected)
        {
            var account = accounts[expected.CustomerId];
            var because = $"customer {expected.CustomerId}";
            Assert.True(expected.CompanyName == (string?)account["Name"], $"{because}: name {account["Name"]} (the customer's name wins over placeholders; nothing else renames)");
            Assert.True(expected.Mrr == Decimal(account["MRR__c"]), $"{because}: MRR {account["MRR__c"]}, expected {expected.Mrr}");
            Assert.True(expected.SubscriptionStatus == (string?)account["Subscription_Status__c"], $"{because}: status {account["Subscription_Status__c"]}");
            Assert.True(expected.BillingStatus == (string?)account["Billing_Status__c"], $"{because}: billing {account["Billing_Status__c"]}");
            Assert.True(expected.Email == (string?)contacts[expected.CustomerId]["Email"], $"{because}: email {contacts[expected.CustomerId]["Email"]}");
            Assert.Equal(account["Id"]!.ToString(), contacts[expected.CustomerId]["AccountId"]!.ToString());
            Assert.Equal(expected.ChargeAmount, Decimal(payments[expected.ChargeId]["Amount__c"]));
            Assert.Equal(account["Id"]!.ToString(), payments[expected.ChargeId]["Account__c"]!.ToString());
            Assert.Equal(expected.InvoiceStatus, (string?)invoices[expected.InvoiceId]["Status__c"]);
            if (expected.RefundedAmount > 0)
            {
                Assert.Equal(-expected.RefundedAmount, Decimal(payments[$"{expected.ChargeId}-refunds"]["Amount__c"]));
            }

            if (expected.HadFailedPayment)
            {
                var task = tasks[$"{expected.InvoiceId}:attempt-1"];
                Assert.Equal(account["Id"]!.ToString(), task["WhatId"]!.ToString());
                Assert.Equal(account["OwnerId"]!.ToString(), task["OwnerId"]!.ToString());
            }
        }

        var refundEntries = payments.Keys.Count(k => k.EndsWith("-refunds", StringComparison.Ordinal));
        Assert.Equal(day.Expected.Count(e => e.RefundedAmount > 0), refundEntries);
        Assert.Equal(Customers + refundEntries, payments.Count);
    }

    private static void AssertUniqueKeys(LoopbackSalesforce salesforce)
    {
        foreach (var (type, key) in new[] { ("Account", "Stripe_Customer_Id__c"), ("Contact", "Stripe_Customer_Id__c"), ("Stripe_Payment__c", "Stripe_Payment_Id__c"),
            ("Stripe_Invoice__c", "Stripe_Invoice_Id__c"), ("Opportunity", "Stripe_Subscription_Id__c"), ("Task", "Stripe_Event_Id__c") })
        {
            var duplicated = salesforce.Records(type).GroupBy(r => (string?)r[key]).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(duplicated.Count == 0, $"{type} has duplicate {key}: {string.Join(", ", duplicated)}");
        }
    }

    private void Report(StripeDay day, int deliveries, IReadOnlyList<ReplayResult> results, LoopbackSalesforce salesforce)
    {
        output.WriteLine($"{day.Events.Count} events, {deliveries} deliveries; outcomes: " +
            string.Join(", ", results.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
        output.WriteLine($"retried events: {results.Count(r => r.Attempts > 1)}; most attempts: {results.Max(r => r.Attempts)}");
        output.WriteLine($"Salesforce API calls: {salesforce.ApiCalls} = {(double)salesforce.ApiCalls / day.Events.Count:0.00} per event " +
            $"(faults included); by kind: {string.Join(", ", salesforce.CallCounts.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"))}");
    }

    private static Dictionary<string, JsonObject> ByKey(LoopbackSalesforce salesforce, string type, string key) =>
        salesforce.Records(type).Where(r => r[key] is not null).ToDictionary(r => r[key]!.ToString(), StringComparer.Ordinal);

    private static decimal Decimal(JsonNode? node) => node is null ? 0m : decimal.Parse(node.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
