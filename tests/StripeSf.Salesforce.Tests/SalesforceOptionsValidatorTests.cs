using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Salesforce.Tests;

public sealed class SalesforceOptionsValidatorTests
{
    [Fact]
    public void Check_JwtBearerComplete_HasNoProblems()
    {
        var options = new SalesforceOptions { ClientId = "id", Username = "u@x", PrivateKey = TestKeys.PrivateKeyPem };

        Assert.Empty(SalesforceOptionsValidator.Check(options));
        Assert.True(options.IsConfigured);
        Assert.True(options.UsesJwtBearer);
    }

    [Fact]
    public void Check_PrivateKeyWithEscapedNewlines_IsAccepted()
    {
        var options = new SalesforceOptions { ClientId = "id", Username = "u@x", PrivateKey = TestKeys.PrivateKeyPem.Replace("\n", "\\n", StringComparison.Ordinal) };

        Assert.Empty(SalesforceOptionsValidator.Check(options));
    }

    [Fact]
    public void Check_Empty_NamesClientIdAndBothFlows()
    {
        var problems = SalesforceOptionsValidator.Check(new SalesforceOptions());

        Assert.Contains(problems, p => p.StartsWith("Salesforce__ClientId is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Salesforce__ClientSecret", StringComparison.Ordinal) && p.Contains("Salesforce__PrivateKey", StringComparison.Ordinal));
        Assert.False(new SalesforceOptions().IsConfigured);
    }

    [Theory]
    [InlineData("http://login.salesforce.com", "Salesforce__LoginUrl must use https")]
    [InlineData("login.salesforce.com", "Salesforce__LoginUrl must be an absolute URL")]
    public void Check_BadLoginUrl_NamesTheSetting(string url, string expected)
    {
        var problems = SalesforceOptionsValidator.Check(new SalesforceOptions { LoginUrl = url, ClientId = "id", ClientSecret = "s" });

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void Check_HttpLoopback_IsAllowed(string url) =>
        Assert.Empty(SalesforceOptionsValidator.Check(new SalesforceOptions { LoginUrl = url, ClientId = "id", ClientSecret = "s" }));

    [Theory]
    [InlineData("v68.0")]
    [InlineData("68")]
    [InlineData("45.0")]
    public void Check_BadApiVersion_NamesTheSetting(string version) =>
        Assert.Contains(
            SalesforceOptionsValidator.Check(new SalesforceOptions { ClientId = "id", ClientSecret = "s", ApiVersion = version }),
            p => p.StartsWith("Salesforce__ApiVersion", StringComparison.Ordinal));

    [Fact]
    public void Check_NotAPemKey_NamesPrivateKey() =>
        Assert.Contains(
            SalesforceOptionsValidator.Check(new SalesforceOptions { ClientId = "id", Username = "u", PrivateKey = "not a key" }),
            p => p.StartsWith("Salesforce__PrivateKey is not a PEM RSA private key", StringComparison.Ordinal));

    [Fact]
    public void AddSalesforceClient_InvalidSettings_FailsOnFirstUseNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Salesforce:ClientSecret"] = "s" }).Build();
        using var services = new ServiceCollection().AddSalesforceClient(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        Assert.Contains("Salesforce__ClientId is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSalesforceClient_ValidSettings_ResolvesEveryService()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Salesforce:ClientId"] = "id",
            ["Salesforce:ClientSecret"] = "s",
            ["Salesforce:LoginUrl"] = "https://example.my.salesforce.com",
            ["Salesforce:ApiVersion"] = "67.0",
        }).Build();
        using var services = new ServiceCollection().AddSalesforceClient(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<SalesforceClient>(services.GetRequiredService<ISalesforceClient>());
        Assert.NotNull(services.GetRequiredService<Bulk.ISalesforceBulkClient>());
        Assert.NotNull(services.GetRequiredService<Budget.ISalesforceApiBudget>());
        Assert.NotNull(services.GetRequiredService<Preflight.SalesforcePreflight>());
        Assert.Equal("67.0", services.GetRequiredService<IOptions<SalesforceOptions>>().Value.ApiVersion);
        Assert.Equal(90, services.GetRequiredService<IOptions<SalesforceOptions>>().Value.LimitThresholdPercent);
    }
}
