using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Testing.LoopbackSalesforce;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>The production processing container (processor, flows, Salesforce client) pointed at a loopback org.</summary>
internal static class LoopbackServices
{
    public const string ClientId = "loopback-client";
    public const string ClientSecret = "loopback-secret";

    public static LoopbackSalesforceOptions Org() => new() { ClientId = ClientId, ClientSecret = ClientSecret };

    public static ServiceProvider Build(LoopbackSalesforce salesforce, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = ClientId,
            ["Salesforce:ClientSecret"] = ClientSecret,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStripeEventProcessing()
            .AddSalesforceClient(configuration)
            .BuildServiceProvider();
    }
}
