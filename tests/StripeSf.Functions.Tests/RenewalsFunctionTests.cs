using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Renewals;
using StripeSf.Functions.Hosting;
using StripeSf.Functions.Triggers;
using StripeSf.Testing;

namespace StripeSf.Functions.Tests;

public sealed class RenewalsFunctionTests
{
    [Fact]
    public void Run_Trigger_ReadsTheScheduleSettingWhoseSampleIsSixAmUtc()
    {
        var trigger = typeof(RenewalsFunction).GetMethod(nameof(RenewalsFunction.Run))!
            .GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!;

        Assert.Equal("%Renewals__Schedule%", trigger.Schedule);
        Assert.Equal("0 0 6 * * *", sample["Renewals__Schedule"]!.GetValue<string>());
        Assert.Equal("90", sample["Renewals__Days"]!.GetValue<string>());
        Assert.Equal("year", sample["Renewals__Intervals"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_WithoutStripeApiKey_FailsNamingTheSettingWhileTheAppStillResolves()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Stripe:WebhookSecrets"] = "whsec_a",
            ["ServiceBus:fullyQualifiedNamespace"] = "stripesf-test.servicebus.windows.net",
            // Nothing listens here: the sweep must fail on the missing key before any call.
            ["Salesforce:LoginUrl"] = "https://127.0.0.1:9",
            ["Salesforce:ClientId"] = "3MVG9-consumer-key",
            ["Salesforce:ClientSecret"] = "secret-from-key-vault",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddStripeWebhookIngress();
        services.AddStripeEventProcessing();
        services.AddSalesforce(configuration);
        services.AddServiceBusQueues(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var function = ActivatorUtilities.CreateInstance<RenewalsFunction>(provider);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => function.Run(new TimerInfo(), CancellationToken.None));

        Assert.Contains("Stripe__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.NotNull(provider.GetRequiredService<RenewalSweep>());
    }
}
