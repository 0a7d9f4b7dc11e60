using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Ingress;
using StripeSf.Core.Processing;
using StripeSf.Functions.Hosting;

namespace StripeSf.Functions.Tests;

public sealed class DependencyInjectionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Stripe:WebhookSecrets"] = "whsec_a,whsec_b",
        ["ServiceBus:fullyQualifiedNamespace"] = "stripesf-test.servicebus.windows.net",
        ["Salesforce:LoginUrl"] = "https://test.salesforce.com",
        ["Salesforce:ClientId"] = "3MVG9-consumer-key",
        ["Salesforce:ClientSecret"] = "secret-from-key-vault",
    };

    [Fact]
    public async Task Container_AsProgramBuildsIt_ResolvesEveryFunctionAndHandler()
    {
        await using var services = Build(Settings);

        var functionTypes = typeof(FunctionsServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();

        Assert.NotEmpty(functionTypes);
        Assert.All(functionTypes, t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, t)));
        Assert.NotEmpty(services.GetRequiredService<HandlerRegistry>().EventTypes);
        Assert.Equal(["whsec_a", "whsec_b"], services.GetRequiredService<IOptions<WebhookOptions>>().Value.Secrets);
    }

    [Fact]
    public async Task Options_WithoutWebhookSecret_FailNamingTheSetting()
    {
        await using var services = Build(new Dictionary<string, string?> { ["ServiceBus:fullyQualifiedNamespace"] = "x.servicebus.windows.net" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("Stripe__WebhookSecrets is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_WithUnknownExpectedMode_FailNamingTheSetting()
    {
        await using var services = Build(new Dictionary<string, string?>(Settings) { ["Stripe:ExpectedMode"] = "production" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("Stripe__ExpectedMode must be 'live', 'test' or empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_WithoutSalesforceSettings_FailNamingTheSetting()
    {
        await using var services = Build(new Dictionary<string, string?>(Settings) { ["Salesforce:ClientId"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StripeSf.Salesforce.Configuration.SalesforceOptions>>().Value);

        Assert.Contains("Salesforce__ClientId", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();

        // The same registrations, in the same order, as Program.cs.
        services.AddStripeWebhookIngress();
        services.AddStripeEventProcessing();
        services.AddSalesforce(configuration);
        services.AddServiceBusQueues(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
