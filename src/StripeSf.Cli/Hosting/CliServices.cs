using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Hosting;

/// <summary>
/// What every command that talks to Salesforce and Stripe shares: its setup checks (exit 2 names what
/// to set) and its container (single-line console logging, the Salesforce client with its calls counted).
/// </summary>
internal static class CliServices
{
    /// <summary>The Salesforce settings' problems, and the Stripe key's when it is missing (<paramref name="stripeKeyAccess"/>: what the command needs it for).</summary>
    public static List<string> SetupProblems(IConfiguration configuration, string stripeKeyAccess, bool checkSalesforce = true)
    {
        var problems = checkSalesforce
            ? SalesforceOptionsValidator.Check(configuration.GetSection(SalesforceOptions.SectionName).Get<SalesforceOptions>() ?? new SalesforceOptions()).ToList()
            : [];
        if (string.IsNullOrWhiteSpace(configuration.GetSection(StripeApiOptions.SectionName).Get<StripeApiOptions>()?.ApiKey))
        {
            problems.Add($"Stripe__ApiKey is required: a restricted key (rk_…) with {stripeKeyAccess}");
        }

        return problems;
    }

    /// <summary><c>--since</c> as a UTC time, or null (and a problem added when it is given but malformed).</summary>
    public static DateTimeOffset? Since(string? since, List<string> problems)
    {
        if (since is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        problems.Add($"--since {since} is not a UTC time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ)");
        return null;
    }

    /// <summary>The command's container: <paramref name="add"/> registers its own services.</summary>
    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        add(services);
        services.AddSalesforceClient(configuration);
        services.Replace(ServiceDescriptor.Singleton<ISalesforceClient>(sp => new CallCountingSalesforceClient(sp.GetRequiredService<SalesforceClient>())));
        return services.BuildServiceProvider();
    }

    /// <summary>The Salesforce API calls the command's container has made so far.</summary>
    public static int SalesforceCalls(IServiceProvider services) =>
        ((CallCountingSalesforceClient)services.GetRequiredService<ISalesforceClient>()).Calls;
}
