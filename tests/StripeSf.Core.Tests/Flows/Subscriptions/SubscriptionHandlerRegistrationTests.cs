using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Flows.Checkout;
using StripeSf.Core.Flows.Subscriptions;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Tests.Subscriptions;

public sealed class SubscriptionHandlerRegistrationTests
{
    [Theory]
    [InlineData("customer.subscription.created", typeof(CustomerSubscriptionCreatedHandler))]
    [InlineData("customer.subscription.updated", typeof(CustomerSubscriptionUpdatedHandler))]
    [InlineData("customer.subscription.deleted", typeof(CustomerSubscriptionDeletedHandler))]
    [InlineData("customer.subscription.paused", typeof(CustomerSubscriptionPausedHandler))]
    [InlineData("customer.subscription.resumed", typeof(CustomerSubscriptionResumedHandler))]
    [InlineData("customer.subscription.trial_will_end", typeof(CustomerSubscriptionTrialWillEndHandler))]
    [InlineData("checkout.session.completed", typeof(CheckoutSessionCompletedHandler))]
    public void AddStripeEventProcessing_RealContainer_RegistersTheFlowHandler(string eventType, Type handlerType)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddStripeEventProcessing()
            .BuildServiceProvider();

        Assert.True(services.GetRequiredService<HandlerRegistry>().TryGet(eventType, out var handler));
        Assert.IsType(handlerType, handler);
    }
}
