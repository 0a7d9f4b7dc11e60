using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Flows;
using StripeSf.Core.Routing;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class FlowTableTests
{
    [Theory]
    [InlineData("customer.subscription.created", FlowFamily.Subscriptions)]
    [InlineData("customer.subscription.updated", FlowFamily.Subscriptions)]
    [InlineData("customer.subscription.deleted", FlowFamily.Subscriptions)]
    [InlineData("customer.subscription.paused", FlowFamily.Subscriptions)]
    [InlineData("customer.subscription.resumed", FlowFamily.Subscriptions)]
    [InlineData("customer.subscription.trial_will_end", FlowFamily.Subscriptions)]
    [InlineData("checkout.session.completed", FlowFamily.Checkout)]
    [InlineData("customer.created", FlowFamily.Customers)]
    [InlineData("invoice.paid", FlowFamily.Invoices)]
    [InlineData("charge.dispute.closed", FlowFamily.Disputes)]
    [InlineData("payment_intent.succeeded", FlowFamily.Payments)]
    public void AddStripeEventProcessing_RealContainer_RoutesTheTypeToItsFamilysFlow(string eventType, FlowFamily family)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddStripeEventProcessing()
            .BuildServiceProvider();

        Assert.True(services.GetRequiredService<FlowTable>().TryGet(eventType, out var flow));
        Assert.Equal(family, flow!.Family);
    }

    [Fact]
    public void FlowTable_WithARoutedTypeMissing_RefusesToBuildNamingIt()
    {
        var rows = RoutingTable.Default.EventTypes.Where(t => t != "invoice.paid").Select(t => new EventFlow(t, FlowFamily.Invoices, _ => Core.Planning.WritePlan.Empty));

        var error = Assert.Throws<InvalidOperationException>(() => new FlowTable(rows, RoutingTable.Default));

        Assert.Contains("Routed event types without a flow: invoice.paid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowTable_WithAnUnroutedOrDuplicateType_RefusesToBuildNamingIt()
    {
        var rows = RoutingTable.Default.EventTypes.Select(t => new EventFlow(t, FlowFamily.Payments, _ => Core.Planning.WritePlan.Empty)).ToList();

        var unrouted = Assert.Throws<InvalidOperationException>(() => new FlowTable([.. rows, new("charge.captured", FlowFamily.Payments, _ => Core.Planning.WritePlan.Empty)], RoutingTable.Default));
        var twice = Assert.Throws<InvalidOperationException>(() => new FlowTable([.. rows, rows[0]], RoutingTable.Default));

        Assert.Contains("routes.json does not route: charge.captured", unrouted.Message, StringComparison.Ordinal);
        Assert.Contains($"lists {rows[0].EventType} twice", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_WhoseFlowTableMissesARoutedType_FailsToStartNamingIt()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddStripeEventProcessing();
        var routes = new RoutingTable([.. RoutingTable.Default.EventTypes, "charge.captured"]);
        builder.Services.AddSingleton(routes);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("Routed event types without a flow: charge.captured", error.Message, StringComparison.Ordinal);
    }
}
