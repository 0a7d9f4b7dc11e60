using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows;
using StripeSf.Core.Mapping;
using StripeSf.Core.Matching;
using StripeSf.Core.Planning;
using StripeSf.Core.StripeApi;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;
using StripeSf.Core.Settlement;
using StripeSf.Functions.Messaging;
using StripeSf.ServiceBus;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;
using StripeSf.Testing.Stripe;

namespace StripeSf.Functions.Tests;

public sealed class ServiceBusEventSettlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();
    private readonly ServiceBusMessageActions _actions = Substitute.For<ServiceBusMessageActions>();
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();

    public ServiceBusEventSettlerTests() => _client.CreateSender("customer.updated").Returns(_sender);

    [Fact]
    public async Task Settle_Completed_CompletesTheMessage()
    {
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 200, null)]));
        var message = Received(Customer());

        await Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None);

        await _actions.Received(1).CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        await _actions.DidNotReceiveWithAnyArgs().DeadLetterMessageAsync(default!, default, default, default, default);
        await _sender.DidNotReceiveWithAnyArgs().SendMessageAsync(default!, default);
    }

    [Fact]
    public async Task Settle_RetryLater_SchedulesACopyWithNewIdThenCompletesTheOriginal()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(
            new SalesforceApiException(SalesforceFailureKind.Transient, 503, [], "Service Unavailable"));
        var message = Received(Customer(), attempt: 2);
        ServiceBusMessage? scheduled = null;
        await _sender.SendMessageAsync(Arg.Do<ServiceBusMessage>(m => scheduled = m), Arg.Any<CancellationToken>());

        await Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None);

        Assert.NotNull(scheduled);
        Assert.Equal("evt_1Settle:attempt-3", scheduled.MessageId);
        Assert.Equal(3, scheduled.ApplicationProperties[MessageProperties.Attempt]);
        Assert.Equal("evt_1Settle", scheduled.ApplicationProperties[MessageProperties.OriginalMessageId]);
        Assert.Equal("customer.updated", scheduled.Subject);
        Assert.InRange(scheduled.ScheduledEnqueueTime, Now.AddMinutes(1), Now.AddMinutes(3));
        Assert.Equal(message.Body.ToArray(), scheduled.Body.ToArray());
        NSubstitute.Received.InOrder(() =>
        {
            _sender.SendMessageAsync(Arg.Any<ServiceBusMessage>(), Arg.Any<CancellationToken>());
            _actions.CompleteMessageAsync(message, Arg.Any<CancellationToken>());
        });
        await _actions.DidNotReceiveWithAnyArgs().DeadLetterMessageAsync(default!, default, default, default, default);
    }

    [Fact]
    public async Task Settle_DeadLetter_DeadLettersWithReasonAndDescription()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new SalesforceApiException(
            SalesforceFailureKind.Permanent, 400, [new SalesforceError("INVALID_FIELD", "No such column 'MRR__c'", [])], "bad field"));
        var message = Received(Customer());

        await Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None);

        await _actions.Received(1).DeadLetterMessageAsync(
            message,
            null,
            DeadLetterReasons.SalesforceRejected,
            Arg.Is<string>(d => d.Contains("INVALID_FIELD", StringComparison.Ordinal) && d.Contains("cus_Settle", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
        await _actions.DidNotReceiveWithAnyArgs().CompleteMessageAsync(default!, default);
    }

    [Fact]
    public async Task Settle_DeadLetterWithAHugeDescription_CutsItToServiceBusLimit()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new SalesforceApiException(
            SalesforceFailureKind.Permanent, 400, [new SalesforceError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "too long", [])], new string('v', 6000)));
        var message = Received(Customer());

        await Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None);

        await _actions.Received(1).DeadLetterMessageAsync(
            message,
            null,
            DeadLetterReasons.SalesforceRejected,
            Arg.Is<string>(d => d.Length == SettlementPolicy.MaxDescriptionLength && d.EndsWith("...", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public async Task Settle_UnexpectedExceptionBeforeTheLastDelivery_AbandonsThenRethrows(int deliveryCount)
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("bug"));
        var message = Received(Customer(), deliveryCount: deliveryCount);

        // Rethrown so the invocation counts as failed (function-failure alert); the message is already settled.
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None));

        Assert.Equal("bug", thrown.Message);
        await _actions.Received(1).AbandonMessageAsync(message, null, Arg.Any<CancellationToken>());
        Assert.Single(_actions.ReceivedCalls());
    }

    [Fact]
    public async Task Settle_UnexpectedExceptionOnTheLastDelivery_DeadLettersWithTheExceptionThenRethrows()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("bug"));
        var message = Received(Customer(), deliveryCount: QueueSettings.Default.MaxDeliveryCount);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Settler().SettleAsync("customer.updated", message, _actions, CancellationToken.None));

        await _actions.Received(1).DeadLetterMessageAsync(
            message,
            null,
            DeadLetterReasons.MaxDeliveryCountExceeded,
            "unexpected exception on delivery 10 of 10: System.InvalidOperationException: bug",
            Arg.Any<CancellationToken>());
        Assert.Single(_actions.ReceivedCalls());
    }

    private static byte[] Customer() =>
        TestEvents.Minimal("customer.updated", "evt_1Settle", new JsonObject { ["id"] = "cus_Settle", ["object"] = "customer" });

    private static ServiceBusReceivedMessage Received(byte[] body, int attempt = 1, int deliveryCount = 1)
    {
        var properties = new Dictionary<string, object> { [MessageProperties.Attempt] = attempt };
        if (attempt > 1)
        {
            properties[MessageProperties.OriginalMessageId] = "evt_1Settle";
        }

        return ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromBytes(body),
            messageId: attempt > 1 ? $"evt_1Settle:attempt-{attempt}" : "evt_1Settle",
            subject: "customer.updated",
            properties: properties,
            deliveryCount: deliveryCount);
    }

    private ServiceBusEventSettler Settler()
    {
        var policy = new RetryPolicy(new Random(3));
        var flows = new FlowTable(RoutingTable.Default.EventTypes.Select(t => t == "customer.updated"
            ? new EventFlow(t, FlowFamily.Customers, _ => new CompositePlanBuilder().Upsert("account", "Account", "Stripe_Customer_Id__c", "cus_Settle", new JsonObject()).Build())
            : new EventFlow(t, FlowFamily.Customers, _ => WritePlan.Empty)), RoutingTable.Default);
        var processor = new EventProcessor(flows, _salesforce, new InMemoryPayloadStore(), policy,
            new ExistingContactMatcher(Microsoft.Extensions.Options.Options.Create(new SalesforceMappingOptions { MatchContactsByEmail = false })),
            new SubscriptionTiersCompleter(NullLogger<SubscriptionTiersCompleter>.Instance), new UnknownApiBudget(), StripeSf.Core.Notifications.EventNotifier.Silent,
            Microsoft.Extensions.Options.Options.Create(new ProcessingOptions()), TimeProvider.System, NullLogger<EventProcessor>.Instance);
        var executor = new SettlementExecutor(processor, SettlementPolicy.Default, new FakeTimeProvider(Now), NullLogger<SettlementExecutor>.Instance);
        return new ServiceBusEventSettler(executor, new ServiceBusEventPublisher(_client));
    }
}
