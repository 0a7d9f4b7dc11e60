using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.Scenarios;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using StripeSf.Testing.Stripe;
using Xunit.Abstractions;

namespace StripeSf.Core.Tests.Matching;

/// <summary>Customer events through the production processor against a loopback org, for the identity ladder's tests.</summary>
internal sealed class IdentityHarness(LoopbackSalesforce salesforce, ITestOutputHelper output)
{
    public const long CustomerCreatedAt = 1_795_000_000;

    public LoopbackSalesforce Salesforce => salesforce;

    /// <summary>A customer object, with <paramref name="metadata"/>.</summary>
    public static JsonObject Customer(string id, string name, string email, params (string Key, string Value)[] metadata)
    {
        var customer = StripeObjects.Customer(id, name, email, CustomerCreatedAt);
        foreach (var (key, value) in metadata)
        {
            customer["metadata"]![key] = value;
        }

        return customer;
    }

    /// <summary>A customer event; <paramref name="previousEmail"/> goes in <c>data.previous_attributes</c>.</summary>
    public static byte[] Event(string type, string eventId, long created, JsonObject customer, string? previousEmail = null)
    {
        var envelope = TestEvents.Envelope(type, eventId, customer, created: created);
        if (previousEmail is not null)
        {
            envelope["data"]!["previous_attributes"] = new JsonObject { ["email"] = previousEmail };
        }

        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    public async Task<ProcessingOutcome> ProcessAsync(byte[] payload, params (string, string)[] settings)
    {
        await using var services = LoopbackServices.Build(salesforce, settings);
        salesforce.ResetCalls();
        var outcome = await services.GetRequiredService<EventProcessor>().ProcessAsync(
            new InboundMessage("msg_identity", "event", payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 }), CancellationToken.None);
        output.WriteLine($"{outcome}; API calls: {string.Join(", ", salesforce.CallLog)}");
        return outcome;
    }

    public string SeedAccount(string name, string? stripeId = null)
    {
        var account = new JsonObject { ["Name"] = name, ["OwnerId"] = "005SALES00000001AAA" };
        if (stripeId is not null)
        {
            account["Stripe_Customer_Id__c"] = stripeId;
        }

        return salesforce.Seed("Account", account);
    }

    public string SeedContact(string accountId, string lastName, string email, string? createdDate = null) =>
        salesforce.Seed("Contact", new JsonObject { ["LastName"] = lastName, ["Email"] = email, ["AccountId"] = accountId, ["CreatedDate"] = createdDate });

    public JsonObject Record(string sObject, string id) => salesforce.Records(sObject).Single(r => (string?)r["Id"] == id);

    public JsonObject? ByStripeId(string sObject, string customerId) => salesforce.Records(sObject).SingleOrDefault(r => (string?)r["Stripe_Customer_Id__c"] == customerId);

    public static void AssertWritten(ProcessingOutcome outcome) =>
        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
}
