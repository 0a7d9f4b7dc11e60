using Stripe;
using StripeSf.Core.Routing;
using StripeSf.Core.StripeApi;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.StripeApi;

public sealed class WebhookEndpointCreatorTests
{
    [Fact]
    public async Task Create_OverRealHttp_RequestsExactlyTheRoutedTypesAtThePinnedVersion()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        var client = StripeClientFactory.Create(new StripeApiOptions { ApiKey = "rk_test_loopback", ApiBase = stripe.BaseUrl });

        var created = await new WebhookEndpointCreator(client, RoutingTable.Default)
            .CreateAsync(new Uri("https://stripesf.example.net/api/stripe/webhook?code=abc"), null, CancellationToken.None);

        var (path, form, authorization) = Assert.Single(stripe.Requests);
        Assert.Equal("/v1/webhook_endpoints", path);
        Assert.Equal("Bearer rk_test_loopback", authorization);
        Assert.Equal("https://stripesf.example.net/api/stripe/webhook?code=abc", form["url"]);
        Assert.Equal(StripeConfiguration.ApiVersion, form["api_version"]);
        var requested = form.Where(f => f.Key.StartsWith("enabled_events", StringComparison.Ordinal)).Select(f => f.Value).Order(StringComparer.Ordinal);
        Assert.Equal(RoutingTable.Default.EventTypes, requested);
        Assert.Equal("whsec_loopback_new_endpoint_secret", created.Secret);
        Assert.Equal(RoutingTable.Default.EventTypes.Count, created.EnabledEvents.Count);
    }

    [Fact]
    public async Task Create_WithPlainHttpUrl_RefusesBeforeCallingStripe()
    {
        var client = StripeClientFactory.Create(new StripeApiOptions { ApiKey = "rk_test_x", ApiBase = "http://127.0.0.1:9" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new WebhookEndpointCreator(client, RoutingTable.Default)
            .CreateAsync(new Uri("http://stripesf.example.net/api/stripe/webhook"), null, CancellationToken.None));

        Assert.Contains("must be https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_WithoutApiKey_NamesTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StripeClientFactory.Create(new StripeApiOptions()));

        Assert.Contains("Stripe__ApiKey is required", error.Message, StringComparison.Ordinal);
    }
}
