using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
            .Select(t => t.FullName!)
            .ToHashSet();
        var metadataTypes = FunctionsMetadataEntryPointTypes();

        // Every class the host will activate (functions.metadata's entry points) resolves from the container.
        Assert.Equal(metadataTypes.Order(StringComparer.Ordinal), functionTypes.Order(StringComparer.Ordinal));
        Assert.All(functionTypes, t => Assert.NotNull(ActivatorUtilities.CreateInstance(services, typeof(FunctionsApp).Assembly.GetType(t, throwOnError: true)!)));
        Assert.NotEmpty(services.GetRequiredService<StripeSf.Core.Flows.FlowTable>().EventTypes);
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

    private static HashSet<string> FunctionsMetadataEntryPointTypes() =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .Select(f => f!["entryPoint"]!.GetValue<string>())
            .Select(entry => entry[..entry.LastIndexOf('.')])
            .ToHashSet();

    private static ServiceProviderHandle Build(Dictionary<string, string?> settings)
    {
        // The real worker host, configured exactly as Program.cs configures it, built (not run)
        // with scope and build-time validation of every registration.
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        FunctionsApp.Configure(builder);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return new ServiceProviderHandle(builder.Build());
    }

    /// <summary>The built host's services, disposed with the host.</summary>
    private sealed class ServiceProviderHandle(IHost host) : IServiceProvider, IAsyncDisposable
    {
        public object? GetService(Type serviceType) => host.Services.GetService(serviceType);

        public async ValueTask DisposeAsync()
        {
            if (host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else
            {
                host.Dispose();
            }
        }
    }
}
