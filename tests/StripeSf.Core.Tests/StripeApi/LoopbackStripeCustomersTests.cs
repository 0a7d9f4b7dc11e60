using Stripe;
using StripeSf.Testing.Stripe;

namespace StripeSf.Core.Tests.StripeApi;

/// <summary>The loopback's customers API through the real Stripe.net: Stripe's shapes, idempotency and search semantics.</summary>
public sealed class LoopbackStripeCustomersTests
{
    [Fact]
    public async Task Create_SameIdempotencyKey_SameParams_ReplaysTheFirstCustomer_OtherParams_IdempotencyError()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        var customers = new CustomerService(Client(stripe));
        var request = new RequestOptions { IdempotencyKey = "key-1" };

        var first = await customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.com", Name = "Ada" }, request);
        var again = await customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.com", Name = "Ada" }, request);
        var error = await Assert.ThrowsAsync<StripeException>(() => customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.com", Name = "Ada L" }, request));

        Assert.Equal(first.Id, again.Id);
        Assert.Single(stripe.Customers);
        Assert.Equal(400, (int)error.HttpStatusCode);
        Assert.Equal("idempotency_error", error.StripeError.Type);
        Assert.True(stripe.CustomerRequests.Single(r => r.Replayed).Status == 200);
    }

    [Fact]
    public async Task Search_ByMetadata_SeesACustomerOnlyAfterTheLag_ListByEmail_AtOnce()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        stripe.SearchLag = TimeSpan.FromHours(1);
        var customers = new CustomerService(Client(stripe));
        var created = await customers.CreateAsync(new CustomerCreateOptions { Email = "ada@example.com", Metadata = new() { ["salesforce_lead_id"] = "00Q1" } });
        var older = stripe.AddCustomer("old@example.com", metadata: new Dictionary<string, string> { ["salesforce_lead_id"] = "00Q'2" });

        var recent = await customers.SearchAsync(new CustomerSearchOptions { Query = "metadata['salesforce_lead_id']:'00Q1'" });
        var indexed = await customers.SearchAsync(new CustomerSearchOptions { Query = @"metadata['salesforce_lead_id']:'00Q\'2'" });
        var listed = await customers.ListAsync(new CustomerListOptions { Email = "ada@example.com" });

        Assert.Equal("search_result", recent.Object);
        Assert.Empty(recent.Data);
        Assert.Equal(older, Assert.Single(indexed.Data).Id);
        Assert.Equal(created.Id, Assert.Single(listed.Data).Id);
        Assert.Empty((await customers.ListAsync(new CustomerListOptions { Email = "ADA@example.com" })).Data);
    }

    [Fact]
    public async Task Update_UnknownCustomer_IsResourceMissing_AndAnEmptyValueClearsAField()
    {
        await using var stripe = await LoopbackStripe.StartAsync();
        var customers = new CustomerService(Client(stripe));
        var id = stripe.AddCustomer("ada@example.com", "Ada");

        var missing = await Assert.ThrowsAsync<StripeException>(() => customers.UpdateAsync("cus_missing", new CustomerUpdateOptions { Name = "x" }));
        var updated = await customers.UpdateAsync(id, new CustomerUpdateOptions { Name = "", Phone = "+1 555 0100" });

        Assert.Equal("resource_missing", missing.StripeError.Code);
        Assert.Null(updated.Name);
        Assert.Equal("+1 555 0100", updated.Phone);
    }

    private static StripeClient Client(LoopbackStripe stripe) =>
        new(new StripeClientOptions { ApiKey = "rk_test_loopback", ApiBase = stripe.BaseUrl, HttpClient = new SystemNetHttpClient(maxNetworkRetries: 0) });
}
