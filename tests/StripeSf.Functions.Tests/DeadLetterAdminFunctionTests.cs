using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NSubstitute;
using StripeSf.Core.Routing;
using StripeSf.Functions.Http;
using StripeSf.ServiceBus;

namespace StripeSf.Functions.Tests;

public sealed class DeadLetterAdminFunctionTests
{
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusReceiver _receiver = Substitute.For<ServiceBusReceiver>();

    public DeadLetterAdminFunctionTests()
    {
        _client.CreateReceiver(Arg.Any<string>(), Arg.Any<ServiceBusReceiverOptions>()).Returns(_receiver);
        _receiver.PeekMessagesAsync(default, default, default).ReturnsForAnyArgs(Array.Empty<ServiceBusReceivedMessage>());
        _receiver.ReceiveMessagesAsync(default, default, default).ReturnsForAnyArgs(Array.Empty<ServiceBusReceivedMessage>());
    }

    [Fact]
    public async Task Summary_ForOneQueue_Answers200WithItsSummary()
    {
        var result = await Function().Summary(Request("?queue=invoice.payment_failed"), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        var json = JsonSerializer.SerializeToElement(ok.Value);
        Assert.Equal("invoice.payment_failed", json[0].GetProperty("Queue").GetString());
        Assert.Equal(0, json[0].GetProperty("Count").GetInt32());
    }

    [Fact]
    public async Task Summary_ForUnroutedQueue_Answers400NamingIt()
    {
        var result = await Function().Summary(Request("?queue=product.created"), CancellationToken.None);

        var bad = Assert.IsType<BadRequestObjectResult>(result);
        Assert.Contains("'product.created' is not a routed event type", JsonSerializer.SerializeToElement(bad.Value).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ReadsTheCountFromTheQuery()
    {
        var result = await Function().Replay(Request("?count=7"), "charge.refunded", CancellationToken.None);

        Assert.IsType<OkObjectResult>(result);
        await _receiver.Received(1).ReceiveMessagesAsync(7, Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Replay_WithZeroCount_Answers400()
    {
        var result = await Function().Replay(Request("?count=0"), "charge.refunded", CancellationToken.None);

        Assert.IsType<BadRequestObjectResult>(result);
    }

    private DeadLetterAdminFunction Function() =>
        new(new DeadLetterAdministrator(_client, new ServiceBusEventPublisher(_client), RoutingTable.Default));

    private static HttpRequest Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }
}
