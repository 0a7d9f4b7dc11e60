using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using StripeSf.Core.Local;
using StripeSf.Core.Processing;
using StripeSf.Core.Replay;
using StripeSf.Core.Settlement;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.Settlement;

/// <summary>The replay and the local queue settle unexpected exceptions through the shared policy.</summary>
public sealed class HostSettlementTests
{
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();

    [Fact]
    public async Task Replay_ExceptionOnEveryDelivery_DeliversMaxDeliveryCountTimesThenDeadLetters()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("bug"));
        await using var services = SettlementHosts.Build(_salesforce);

        var result = Assert.Single(await services.GetRequiredService<EventReplayer>().ReplayAsync(
            [("a.json", SettlementHosts.Customer("evt_1ReplayBug"))], new ReplayOptions(), CancellationToken.None));

        Assert.Equal(ReplayStates.DeadLettered, result.State);
        Assert.Equal("MaxDeliveryCountExceeded: unexpected exception on delivery 10 of 10: System.InvalidOperationException: bug", result.Detail);
        Assert.Equal(1, result.Attempts);
        await _salesforce.ReceivedWithAnyArgs(QueueSettings.Default.MaxDeliveryCount).CompositeAsync(default!, default);
    }

    [Fact]
    public async Task Replay_ExceptionThenSuccess_RedeliversTheSameMessageAndWrites()
    {
        var calls = 0;
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(call =>
            ++calls <= 2 ? throw new InvalidOperationException("flaky bug") : Task.FromResult(SettlementHosts.AllSucceeded(call.Arg<CompositeRequest>())));
        await using var services = SettlementHosts.Build(_salesforce);

        var result = Assert.Single(await services.GetRequiredService<EventReplayer>().ReplayAsync(
            [("a.json", SettlementHosts.Customer("evt_1ReplayFlaky"))], new ReplayOptions(), CancellationToken.None));

        Assert.Equal(ReplayStates.Written, result.State);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task LocalQueue_ExceptionOnEveryDelivery_AbandonsUntilTheLastDeliveryThenDeadLetters()
    {
        _salesforce.CompositeAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("bug"));
        await using var services = SettlementHosts.Build(_salesforce);
        var queue = new LocalEventQueue(TimeProvider.System);
        var worker = new LocalQueueWorker(queue, services.GetRequiredService<SettlementExecutor>());
        var deadLettered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        worker.MessageSettled += s =>
        {
            if (s.Action is SettlementAction.DeadLetter)
            {
                deadLettered.TrySetResult();
            }
        };

        await worker.StartAsync(CancellationToken.None);
        await queue.PublishAsync("customer.updated", new("evt_1LocalBug", "customer.updated", SettlementHosts.Customer("evt_1LocalBug"),
            new Dictionary<string, object>()), CancellationToken.None);
        await deadLettered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.StopAsync(CancellationToken.None);

        var settlements = worker.Settlements.ToList();
        Assert.Equal(Enumerable.Range(1, 10), settlements.Select(s => s.DeliveryCount));
        Assert.All(settlements.Take(9), s => Assert.Equal(new SettlementAction.Abandon("System.InvalidOperationException: bug"), s.Action));
        var last = Assert.IsType<SettlementAction.DeadLetter>(settlements[^1].Action);
        Assert.Equal(DeadLetterReasons.MaxDeliveryCountExceeded, last.Reason);
        Assert.All(settlements, s => Assert.Equal("evt_1LocalBug", s.EventId));
    }
}
