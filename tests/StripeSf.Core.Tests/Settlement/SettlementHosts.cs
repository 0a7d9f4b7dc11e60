using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Settlement;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Settlement;

/// <summary>The production processing container with a substituted Salesforce client, and a settlement that records its calls.</summary>
internal static class SettlementHosts
{
    public static ServiceProvider Build(ISalesforceClient salesforce) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddStripeEventProcessing()
            .AddSingleton(salesforce)
            .BuildServiceProvider();

    /// <summary>A customer.updated event the production handler writes with one composite call.</summary>
    public static byte[] Customer(string eventId) =>
        TestEvents.Minimal("customer.updated", eventId, new JsonObject { ["id"] = "cus_Settle", ["object"] = "customer", ["name"] = "Settle Ltd", ["email"] = "ap@settle.example" });

    /// <summary>A response in which every subrequest of <paramref name="request"/> succeeded.</summary>
    public static CompositeResponse AllSucceeded(CompositeRequest request) =>
        new([.. request.Subrequests.Select(s => new CompositeSubresponse(s.ReferenceId, 200, null))]);
}

/// <summary>An <see cref="IMessageSettlement"/> that records the calls, in order.</summary>
internal sealed class RecordingSettlement : IMessageSettlement
{
    public List<string> Calls { get; } = [];

    public OutboundMessage? Scheduled { get; private set; }

    public Task CompleteAsync(CancellationToken cancellationToken) => Record("complete");

    public Task ScheduleAsync(OutboundMessage copy, CancellationToken cancellationToken)
    {
        Scheduled = copy;
        return Record($"schedule {copy.MessageId}");
    }

    public Task DeadLetterAsync(string reason, string description, CancellationToken cancellationToken) => Record($"dead-letter {reason}: {description}");

    public Task AbandonAsync(CancellationToken cancellationToken) => Record("abandon");

    private Task Record(string call)
    {
        Calls.Add(call);
        return Task.CompletedTask;
    }
}
