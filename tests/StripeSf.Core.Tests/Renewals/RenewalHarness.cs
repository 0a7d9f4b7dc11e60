using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Renewals;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Renewals;

/// <summary>
/// LoopbackStripe and LoopbackSalesforce (strict fields, the stale-event rules) over real HTTP, the
/// production container — the event processor and the renewal sweep — pointed at both, on a fake clock.
/// </summary>
internal sealed class RenewalHarness : IAsyncDisposable
{
    public const string OwnerId = "005RN0000000001AAA";

    /// <summary>"Now" of every sweep: 2026-12-01 06:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private RenewalHarness(LoopbackStripe stripe, LoopbackSalesforce salesforce, ServiceProvider services)
    {
        Stripe = stripe;
        Salesforce = salesforce;
        Services = services;
    }

    public LoopbackStripe Stripe { get; }

    public LoopbackSalesforce Salesforce { get; }

    public ServiceProvider Services { get; }

    public RenewalSweep Sweep => Services.GetRequiredService<RenewalSweep>();

    public static async Task<RenewalHarness> StartAsync(params (string Key, string Value)[] settings)
    {
        var stripe = await LoopbackStripe.StartAsync();
        var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "renewals", ClientSecret = "renewals", StrictFields = true });
        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "renewals",
            ["Salesforce:ClientSecret"] = "renewals",
            ["Stripe:ApiKey"] = "rk_test_renewals",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
            ["Mapping:MatchContactsByEmail"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStripeEventProcessing()
            .AddRenewalSweep()
            .AddSalesforceClient(configuration)
            .BuildServiceProvider();
        return new RenewalHarness(stripe, salesforce, services);
    }

    /// <summary>An Account for <paramref name="customerId"/> owned by <see cref="OwnerId"/>; returns its id.</summary>
    public string Account(string customerId) =>
        Salesforce.Seed("Account", new JsonObject { ["Name"] = $"Customer {customerId}", ["Stripe_Customer_Id__c"] = customerId, ["OwnerId"] = OwnerId });

    /// <summary>A Contract of <paramref name="subscriptionId"/> as the deal close writes it.</summary>
    public void Contract(string subscriptionId, string startDate, int termMonths) =>
        Salesforce.Seed("Contract", new JsonObject
        {
            ["Stripe_Subscription_Id__c"] = subscriptionId, ["StartDate"] = startDate, ["ContractTerm"] = termMonths, ["Status"] = "Activated",
        });

    /// <summary>Registers <paramref name="subscription"/> in Stripe's subscription list.</summary>
    public JsonObject List(JsonObject subscription)
    {
        Stripe.Add("subscriptions", subscription);
        return subscription;
    }

    /// <summary>
    /// An active subscription (current API shape, periods on the item) billed every <paramref name="interval"/>:
    /// <paramref name="unitAmount"/> cents × <paramref name="quantity"/>, the current period [<paramref name="periodStart"/>, <paramref name="periodEnd"/>).
    /// </summary>
    public static JsonObject Subscription(string id, string customer, string interval, long unitAmount, int quantity, DateTimeOffset periodStart, DateTimeOffset periodEnd)
    {
        var created = periodStart.AddYears(-1).ToUnixTimeSeconds();
        var subscription = StripeObjects.Subscription(id, customer, "active", unitAmount, quantity, periodStart.ToUnixTimeSeconds(), created);
        var item = subscription["items"]!["data"]![0]!;
        item["current_period_end"] = periodEnd.ToUnixTimeSeconds();
        item["price"]!["recurring"]!["interval"] = interval;
        item["price"]!["nickname"] = "Pro";
        return subscription;
    }

    /// <summary>The renewal Opportunities (those carrying a renewal key).</summary>
    public IReadOnlyList<JsonObject> Renewals() =>
        [.. Salesforce.Records("Opportunity").Where(o => o["Stripe_Renewal_Key__c"] is not null)];

    /// <summary>Processes one Stripe event through the production processor.</summary>
    public Task<ProcessingOutcome> ProcessAsync(string type, string eventId, JsonObject dataObject, DateTimeOffset created, JsonObject? previous = null)
    {
        var envelope = TestEvents.Envelope(type, eventId, (JsonObject)dataObject.DeepClone(), created: created.ToUnixTimeSeconds());
        if (previous is not null)
        {
            envelope["data"]!["previous_attributes"] = previous;
        }

        var message = new InboundMessage(eventId, "event", Encoding.UTF8.GetBytes(envelope.ToJsonString()), new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });
        return Services.GetRequiredService<EventProcessor>().ProcessAsync(message, CancellationToken.None);
    }

    /// <summary>
    /// The billing-period roll of <paramref name="before"/> into the next period, as Stripe sends it:
    /// customer.subscription.updated with the old item (old period) in previous_attributes.
    /// </summary>
    public Task<ProcessingOutcome> RollAsync(JsonObject before, DateTimeOffset nextPeriodEnd, string eventId = "evt_roll")
    {
        var item = before["items"]!["data"]![0]!;
        var start = DateTimeOffset.FromUnixTimeSeconds(item["current_period_end"]!.GetValue<long>());
        var after = (JsonObject)before.DeepClone();
        after["items"]!["data"]![0]!["current_period_start"] = start.ToUnixTimeSeconds();
        after["items"]!["data"]![0]!["current_period_end"] = nextPeriodEnd.ToUnixTimeSeconds();
        return ProcessAsync("customer.subscription.updated", eventId, after, start.AddMinutes(5), new JsonObject { ["items"] = before["items"]!.DeepClone() });
    }

    public static decimal Number(JsonNode? value) => decimal.Parse(value!.ToString(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Salesforce.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}
