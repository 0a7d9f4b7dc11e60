using StripeSf.Core.Routing;

namespace StripeSf.Core.Tests.Routing;

public sealed class RoutingTableTests
{
    [Fact]
    public void Default_RoutesEachTypeToTheQueueNamedAfterItVerbatim()
    {
        Assert.Equal("invoice.payment_failed", RoutingTable.Default.QueueFor("invoice.payment_failed"));
        Assert.Equal("customer.subscription.updated", RoutingTable.Default.QueueFor("customer.subscription.updated"));
        Assert.Null(RoutingTable.Default.QueueFor("product.created"));
        Assert.Null(RoutingTable.Default.QueueFor("Invoice.Payment_Failed"));
    }

    [Fact]
    public void Default_QueueNamesAreLegalServiceBusEntityNames()
    {
        // Service Bus queue names: letters, digits, periods, hyphens, underscores; start and end alphanumeric; ≤ 260 chars.
        Assert.All(RoutingTable.Default.EventTypes, type =>
            Assert.Matches("^[a-z0-9][a-z0-9._-]{0,258}[a-z0-9]$", type));
        Assert.Equal(RoutingTable.Default.EventTypes.Count, RoutingTable.Default.EventTypes.Distinct().Count());
    }
}
