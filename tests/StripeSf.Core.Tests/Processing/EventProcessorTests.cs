using StripeSf.Core.Flows;
using StripeSf.Core.Mapping;
using StripeSf.Core.Matching;
using StripeSf.Core.Planning;
using StripeSf.Core.StripeApi;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Salesforce.Errors;
using StripeSf.Salesforce.Budget;
using Microsoft.Extensions.Options;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Processing;

public sealed class EventProcessorTests
{
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();
    private readonly InMemoryPayloadStore _payloads = new();
    private readonly ISalesforceApiBudget _budget = Substitute.For<ISalesforceApiBudget>();

    [Fact]
    public async Task Process_RoutedEventWhoseFlowPlansNothing_CompletesWithNothingToWrite()
    {
        var outcome = await Processor().ProcessAsync(Message(TestEvents.Fixture("invoice.payment_failed.json", "evt_1Proc")), CancellationToken.None);

        var completed = Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Equal(CompletionKind.NothingToWrite, completed.Kind);
        await _salesforce.DidNotReceiveWithAnyArgs().CompositeAsync(default!, default);
    }

    [Theory]
    [InlineData("invoice.payment_failed.json", "invoice.payment_failed")]
    [InlineData("customer.subscription.updated.json", "customer.subscription.updated")]
    [InlineData("charge.succeeded.json", "charge.succeeded")]
    [InlineData("customer.created.json", "customer.created")]
    public async Task Process_EventsAtOtherApiVersions_AreParsedAndWritten(string fixture, string type)
    {
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 201, null)]));

        var outcome = await Processor(UpsertAccount(type)).ProcessAsync(Message(TestEvents.Fixture(fixture, "evt_1Version")), CancellationToken.None);

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    [Fact]
    public async Task Process_PayloadThatIsNotAnEvent_DeadLettersAsMalformed()
    {
        var outcome = await Processor().ProcessAsync(Message("{\"hello\":"u8.ToArray()), CancellationToken.None);

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.MalformedEvent, deadLetter.Reason);
        Assert.Contains("msg_1", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ClaimCheckedPayload_ReadsItFromTheStore()
    {
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1Claim");
        var reference = await _payloads.PutAsync("evt_1Claim", payload, CancellationToken.None);
        var message = new InboundMessage("evt_1Claim", "invoice.payment_failed", ReadOnlyMemory<byte>.Empty,
            new Dictionary<string, object> { [MessageProperties.PayloadRef] = reference });

        var outcome = await Processor().ProcessAsync(message, CancellationToken.None);

        Assert.IsType<ProcessingOutcome.Completed>(outcome);
    }

    [Fact]
    public async Task Process_ClaimCheckedPayloadGone_DeadLettersAsPayloadMissing()
    {
        var message = new InboundMessage("evt_1Gone", "invoice.payment_failed", ReadOnlyMemory<byte>.Empty,
            new Dictionary<string, object> { [MessageProperties.PayloadRef] = "evt_1Gone.json" });

        var outcome = await Processor().ProcessAsync(message, CancellationToken.None);

        Assert.Equal(DeadLetterReasons.PayloadMissing, Assert.IsType<ProcessingOutcome.DeadLetter>(outcome).Reason);
    }

    [Fact]
    public async Task Process_TypeWithoutHandler_DeadLettersNamingTheType()
    {
        var payload = TestEvents.Minimal("product.created", "evt_1NoHandler", new JsonObject { ["id"] = "prod_1", ["object"] = "product" });

        var outcome = await Processor().ProcessAsync(Message(payload), CancellationToken.None);

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.NoHandler, deadLetter.Reason);
        Assert.Contains("product.created", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_TransientSalesforceFailure_RetriesLaterWithBackoff()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(Transient());

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer(), attempt: 3), CancellationToken.None);

        var retry = Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
        Assert.InRange(retry.Delay, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(12));
        Assert.Contains("SERVER_UNAVAILABLE", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_TransientFailureOnLastAttempt_DeadLettersAsRetriesExhausted()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(Transient());

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer(), attempt: RetryPolicy.MaxAttempts), CancellationToken.None);

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.RetriesExhausted, deadLetter.Reason);
        Assert.Contains("SERVER_UNAVAILABLE", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_PermanentSalesforceFailure_DeadLettersNamingErrorAndStripeObject()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new SalesforceApiException(
            SalesforceFailureKind.Permanent, 400, [new SalesforceError("INVALID_FIELD", "No such column 'MRR__c' on entity 'Account'", [])], "rejected"));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.SalesforceRejected, deadLetter.Reason);
        Assert.Contains("INVALID_FIELD", deadLetter.Description, StringComparison.Ordinal);
        Assert.Contains("customer cus_Proc1", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SubrequestRejectedByValidation_DeadLettersWithTheSalesforceMessage()
    {
        var errors = JsonNode.Parse("""[{"errorCode":"DUPLICATE_VALUE","message":"duplicate value found: Stripe_Customer_Id__c","fields":["Stripe_Customer_Id__c"]}]""");
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 400, errors)]));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        var deadLetter = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Contains("account: DUPLICATE_VALUE duplicate value found", deadLetter.Description, StringComparison.Ordinal);
        Assert.Contains("(fields: Stripe_Customer_Id__c)", deadLetter.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_SubrequestLockedRow_RetriesLater()
    {
        var errors = JsonNode.Parse("""[{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record","fields":[]}]""");
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 400, errors)]));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
    }

    [Fact]
    public async Task Process_StaleEventRejection_CompletesAsSkippedStale()
    {
        var errors = JsonNode.Parse("""[{"errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","message":"STALE_EVENT: a newer Stripe event already updated this record","fields":[]}]""");
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 400, errors)]));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        Assert.Equal(CompletionKind.SkippedStale, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    [Fact]
    public async Task Process_AccountMissingOnFirstSight_PlansAgainWithCreateFieldsOnce()
    {
        var missing = JsonNode.Parse("""[{"errorCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [Name]","fields":["Name"]}]""");
        _salesforce.CompositeAsync(Arg.Is<CompositeRequest>(r => r.Subrequests[0].Body!["Name"] == null), default)
            .ReturnsForAnyArgs(new CompositeResponse([new("account", 400, missing)]), new CompositeResponse([new("account", 201, null)]));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        var sent = _salesforce.ReceivedCalls().Select(c => (CompositeRequest)c.GetArguments()[0]!).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Null(sent[0].Subrequests[0].Body!["Name"]);
        Assert.Equal("Stripe customer cus_Proc1", (string?)sent[1].Subrequests[0].Body!["Name"]);
    }

    [Fact]
    public async Task Process_NonUrgentEventAboveApiThreshold_DefersWithoutCallingSalesforce()
    {
        _budget.IsAboveThreshold.Returns(true);
        _budget.Current.Returns(new ApiUsage(93_000, 100_000, DateTimeOffset.UnixEpoch));

        var outcome = await Processor(UpsertAccount()).ProcessAsync(Message(Customer()), CancellationToken.None);

        var retry = Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
        Assert.False(retry.CountsAsAttempt);
        Assert.Equal(TimeSpan.FromMinutes(30), retry.Delay);
        Assert.Contains("93%", retry.Reason, StringComparison.Ordinal);
        await _salesforce.DidNotReceiveWithAnyArgs().CompositeAsync(default!, default);
    }

    [Fact]
    public async Task Process_UrgentEventAboveApiThreshold_IsWrittenAnyway()
    {
        _budget.IsAboveThreshold.Returns(true);
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 201, null)]));
        var payload = TestEvents.Fixture("invoice.payment_failed.json", "evt_1Urgent");

        var outcome = await Processor(UpsertAccount("invoice.payment_failed")).ProcessAsync(Message(payload), CancellationToken.None);

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    private static byte[] Customer() =>
        TestEvents.Minimal("customer.updated", "evt_1Proc1", new JsonObject { ["id"] = "cus_Proc1", ["object"] = "customer", ["email"] = "a@example.com" });

    private static SalesforceApiException Transient() => new(
        SalesforceFailureKind.Transient, 503, [new SalesforceError("SERVER_UNAVAILABLE", "Server is in maintenance", [])], "maintenance");

    private static InboundMessage Message(byte[] payload, int attempt = 1) => new("msg_1", "subject", payload,
        new Dictionary<string, object> { [MessageProperties.Attempt] = attempt });

    private EventProcessor Processor(params EventFlow[] flows)
    {
        var policy = new RetryPolicy(new Random(7));
        var rows = flows.Concat(Core.Routing.RoutingTable.Default.EventTypes
            .Where(t => flows.All(f => f.EventType != t))
            .Select(t => new EventFlow(t, FlowFamily.Customers, _ => WritePlan.Empty)));
        return new EventProcessor(new FlowTable(rows, Core.Routing.RoutingTable.Default), _salesforce, _payloads, policy,
            new ExistingContactMatcher(Options.Create(new SalesforceMappingOptions { MatchContactsByEmail = false })),
            new SubscriptionTiersCompleter(NullLogger<SubscriptionTiersCompleter>.Instance), _budget, Core.Notifications.EventNotifier.Silent,
            Options.Create(new ProcessingOptions()), TimeProvider.System, NullLogger<EventProcessor>.Instance);
    }

    /// <summary>Writes one Account for any routed event: enough to drive the processor's outcome logic.</summary>
    private static EventFlow UpsertAccount(string eventType = "customer.updated") => new(eventType, FlowFamily.Customers, context =>
    {
        var id = context.DataObject.GetProperty("id").GetString()!;
        return new CompositePlanBuilder().Upsert("account", "Account", "Stripe_Customer_Id__c", id, new JsonObject(),
            creating: new WhenCreating(AddFields: new JsonObject { ["Name"] = $"Stripe customer {id}" })).Build();
    });
}
