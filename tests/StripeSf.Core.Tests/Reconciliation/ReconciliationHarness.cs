using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Reconciliation;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Reconciliation;

/// <summary>
/// LoopbackStripe and LoopbackSalesforce over real HTTP, the production reconciliation container
/// pointed at both, and helpers that put a charge or invoice on either side.
/// </summary>
internal sealed class ReconciliationHarness : IAsyncDisposable
{
    public static readonly ReconciliationWindow Window = ReconciliationWindow.ForDays(new DateOnly(2026, 11, 21), 1);

    private ReconciliationHarness(LoopbackStripe stripe, LoopbackSalesforce salesforce, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Stripe = stripe;
        Salesforce = salesforce;
        Services = services;
        Logs = logs;
    }

    public LoopbackStripe Stripe { get; }

    public LoopbackSalesforce Salesforce { get; }

    public ServiceProvider Services { get; }

    public RecordingPublisher Publisher { get; } = new();

    public CapturingLoggerProvider Logs { get; }

    public ReconciliationRunner Runner => Services.GetRequiredService<ReconciliationRunner>();

    public static long At(TimeSpan offset) => Window.Start.Add(offset).ToUnixTimeSeconds();

    public static async Task<ReconciliationHarness> StartAsync(string? apiKey = "rk_test_reconcile", Action<ReconciliationOptions>? configure = null, TimeProvider? time = null)
    {
        var stripe = await LoopbackStripe.StartAsync();
        var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "recon", ClientSecret = "recon", StrictFields = true });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "recon",
            ["Salesforce:ClientSecret"] = "recon",
            ["Stripe:ApiKey"] = apiKey,
            ["Stripe:WebhookSecrets"] = "whsec_recon",
            ["Stripe:ApiBase"] = stripe.BaseUrl,
        }).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(logs))
            .AddStripeWebhookIngress()
            .AddStripeEventProcessing()
            .AddStripeReconciliation()
            .AddSalesforceClient(configuration);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (time is not null)
        {
            services.Replace(ServiceDescriptor.Singleton(time));
        }

        // A healthy endpoint, as after stripesf stripe create-endpoint: the endpoint watch has nothing to say.
        stripe.AddEndpoint("we_recon", "https://stripesf.example.net/api/stripe/webhook?code=k", StripeSf.Core.Routing.RoutingTable.Default.EventTypes, global::Stripe.StripeConfiguration.ApiVersion);
        return new ReconciliationHarness(stripe, salesforce, services.BuildServiceProvider(), logs);
    }

    public QueueEventRepairer QueueRepairer() => new(
        Services.GetRequiredService<StripeSf.Core.Ingress.EventMessageFactory>(), Publisher, StripeSf.Core.Routing.RoutingTable.Default);

    /// <summary>A Stripe charge (registered for list and GET); returns it for events.</summary>
    public JsonObject StripeCharge(string id, long amount, TimeSpan at, string currency = "usd", string status = "succeeded", string? customer = "cus_recon")
    {
        var charge = StripeObjects.Charge(id, customer ?? "", amount, 0, status, At(at));
        charge["currency"] = currency;
        if (customer is null)
        {
            charge["customer"] = null;
        }

        Stripe.Add("charges", charge);
        return charge;
    }

    public JsonObject StripeInvoice(string id, long amountPaid, TimeSpan created, TimeSpan paidAt, string status = "paid", string subscription = "sub_recon")
    {
        var invoice = StripeObjects.Invoice(id, "cus_recon", subscription, status, amountPaid, amountPaid, 1, At(created), status == "paid" ? At(paidAt) : null, At(created));
        Stripe.Add("invoices", invoice);
        return invoice;
    }

    /// <summary>A refund of <paramref name="chargeId"/> created at <paramref name="at"/> (Stripe's refund object).</summary>
    public void StripeRefund(string id, string chargeId, long amount, TimeSpan at, string status = "succeeded") =>
        Stripe.Add("refunds", new JsonObject
        {
            ["id"] = id, ["object"] = "refund", ["amount"] = amount, ["charge"] = chargeId, ["currency"] = "usd", ["status"] = status,
            ["created"] = At(at), ["payment_intent"] = $"pi_{chargeId[3..]}", ["reason"] = "requested_by_customer", ["metadata"] = new JsonObject(),
        });

    /// <summary>A charge.dispute.closed event at <paramref name="at"/> about a dispute with <paramref name="status"/> (lost, won…).</summary>
    public void StripeDisputeClosed(string id, long amount, string status, TimeSpan at) =>
        StripeEvent($"evt_{id}", "charge.dispute.closed", new JsonObject
        {
            ["id"] = id, ["object"] = "dispute", ["amount"] = amount, ["currency"] = "usd", ["charge"] = $"ch_of_{id}", ["status"] = status,
            ["reason"] = "fraudulent", ["created"] = At(at - TimeSpan.FromDays(20)), ["livemode"] = false, ["metadata"] = new JsonObject(),
        }, at);

    /// <summary>A payment entry of <paramref name="type"/> (Refund, Dispute) with a signed amount.</summary>
    public string SalesforceEntry(string id, string type, decimal signedAmount, string status, TimeSpan paidAt) =>
        Salesforce.Seed("Stripe_Payment__c", new JsonObject
        {
            ["Stripe_Payment_Id__c"] = id, ["Type__c"] = type, ["Amount__c"] = signedAmount, ["Currency__c"] = "USD", ["Status__c"] = status,
            ["Paid_At__c"] = Window.Start.Add(paidAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture),
        });

    public void StripeEvent(string id, string type, JsonObject dataObject, TimeSpan at)
    {
        var payload = JsonNode.Parse(TestEvents.Minimal(type, id, (JsonObject)dataObject.DeepClone(), created: At(at)))!.AsObject();
        Stripe.Add("events", payload);
    }

    /// <summary>
    /// A monthly subscription in Stripe (50.00 × quantity a month: ACV 600.00 × quantity) and its
    /// Opportunity with <paramref name="opportunityAmount"/> (default: the ACV), closed long before the window.
    /// </summary>
    public string SubscriptionWithOpportunity(string id = "sub_recon", int quantity = 1, decimal? opportunityAmount = null, string stage = "Closed Won")
    {
        Stripe.Add("subscriptions", StripeObjects.Subscription(id, "cus_recon", "active", 5000, quantity, At(-TimeSpan.FromDays(10)), At(-TimeSpan.FromDays(100))));
        return SalesforceOpportunity(id, opportunityAmount ?? 600m * quantity, new DateOnly(2026, 8, 1), stage);
    }

    /// <summary>An Opportunity keyed by <paramref name="subscriptionId"/> (null: none), optionally under an Account with <paramref name="customerId"/>.</summary>
    public string SalesforceOpportunity(string? subscriptionId, decimal amount, DateOnly closeDate, string stage = "Closed Won", string? customerId = null)
    {
        var fields = new JsonObject
        {
            ["Name"] = $"Deal {subscriptionId ?? customerId}", ["StageName"] = stage, ["Amount"] = amount,
            ["CloseDate"] = closeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Stripe_Subscription_Id__c"] = subscriptionId,
        };
        if (customerId is not null)
        {
            fields["AccountId"] = Salesforce.Seed("Account", new JsonObject { ["Name"] = $"Account {customerId}", ["Stripe_Customer_Id__c"] = customerId });
        }

        return Salesforce.Seed("Opportunity", fields);
    }

    public string SalesforceCharge(string id, decimal amount, TimeSpan? paidAt, string currency = "USD", string status = "succeeded") =>
        Salesforce.Seed("Stripe_Payment__c", new JsonObject
        {
            ["Stripe_Payment_Id__c"] = id, ["Type__c"] = "Charge", ["Amount__c"] = amount, ["Currency__c"] = currency, ["Status__c"] = status,
            ["Paid_At__c"] = paidAt is { } p ? Window.Start.Add(p).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture) : null,
        });

    public string SalesforceInvoice(string id, decimal amountPaid, TimeSpan? paidAt, string status = "paid") =>
        Salesforce.Seed("Stripe_Invoice__c", new JsonObject
        {
            ["Stripe_Invoice_Id__c"] = id, ["Amount_Paid__c"] = amountPaid, ["Amount_Due__c"] = amountPaid, ["Currency__c"] = "USD", ["Status__c"] = status,
            ["Paid_At__c"] = paidAt is { } p ? Window.Start.Add(p).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture) : null,
        });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Salesforce.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>Keeps what was published, as the Service Bus publisher would enqueue it.</summary>
    internal sealed class RecordingPublisher : IEventPublisher
    {
        public ConcurrentQueue<(string Queue, OutboundMessage Message)> Published { get; } = new();

        public Task<PublishResult> PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken)
        {
            Published.Enqueue((queue, message));
            return Task.FromResult(PublishResult.Enqueued);
        }
    }
}
