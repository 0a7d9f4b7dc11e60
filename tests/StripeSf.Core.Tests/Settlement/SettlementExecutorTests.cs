using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Settlement;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Errors;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Settlement;

/// <summary>Processor → policy → host settlement, as every host runs it.</summary>
public sealed class SettlementExecutorTests
{
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();
    private readonly RecordingSettlement _settlement = new();

    [Fact]
    public async Task ProcessAndSettle_TransientFailure_SchedulesTheCopyThenCompletes()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(
            new SalesforceApiException(SalesforceFailureKind.Transient, 503, [], "Service Unavailable"));

        var result = await RunAsync(Message());

        Assert.IsType<SettlementAction.ScheduleCopy>(result.Action);
        Assert.Equal(["schedule evt_1Exec:attempt-2", "complete"], _settlement.Calls);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task ProcessAndSettle_MalformedPayload_DeadLettersOnly()
    {
        var result = await RunAsync(new InboundMessage("msg_1", "customer.updated", "{\"hello\":"u8.ToArray(), new Dictionary<string, object>()));

        Assert.Equal(DeadLetterReasons.MalformedEvent, Assert.IsType<SettlementAction.DeadLetter>(result.Action).Reason);
        Assert.Single(_settlement.Calls, c => c.StartsWith($"dead-letter {DeadLetterReasons.MalformedEvent}: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAndSettle_UnexpectedExceptionOnFirstDelivery_AbandonsAndReturnsTheException()
    {
        var bug = new InvalidOperationException("bug");
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(bug);

        var result = await RunAsync(Message(deliveryCount: 1));

        Assert.IsType<SettlementAction.Abandon>(result.Action);
        Assert.Equal(["abandon"], _settlement.Calls);
        Assert.Same(bug, result.Failure?.SourceException);
    }

    [Fact]
    public async Task ProcessAndSettle_UnexpectedExceptionOnTheLastDelivery_DeadLettersWithTheException()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("bug"));

        var result = await RunAsync(Message(deliveryCount: QueueSettings.Default.MaxDeliveryCount));

        Assert.Equal(
            [$"dead-letter MaxDeliveryCountExceeded: unexpected exception on delivery 10 of 10: System.InvalidOperationException: bug"],
            _settlement.Calls);
        Assert.IsType<InvalidOperationException>(result.Failure?.SourceException);
    }

    [Fact]
    public async Task ProcessAndSettle_Cancelled_PropagatesWithoutSettling()
    {
        using var cancellation = new CancellationTokenSource();
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs<Task<StripeSf.Salesforce.Composite.CompositeResponse>>(_ =>
        {
            cancellation.Cancel();
            throw new OperationCanceledException(cancellation.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(Message(), cancellation.Token));

        Assert.Empty(_settlement.Calls);
    }

    private async Task<SettlementResult> RunAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        await using var services = SettlementHosts.Build(_salesforce);
        return await services.GetRequiredService<SettlementExecutor>().ProcessAndSettleAsync(message, _settlement, cancellationToken);
    }

    private static InboundMessage Message(int deliveryCount = 1) => new(
        "evt_1Exec",
        "customer.updated",
        SettlementHosts.Customer("evt_1Exec"),
        new Dictionary<string, object> { [MessageProperties.Attempt] = 1 },
        deliveryCount);
}
