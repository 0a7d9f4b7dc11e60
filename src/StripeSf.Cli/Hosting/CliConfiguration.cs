using Microsoft.Extensions.Configuration;

namespace StripeSf.Cli.Hosting;

/// <summary>
/// The CLI's settings: appsettings.json, appsettings.Local.json (git-ignored), then environment
/// variables — the same keys as local.settings.json and the Function App (<c>Stripe__WebhookSecrets</c>).
/// </summary>
public static class CliConfiguration
{
    /// <summary>Builds the configuration, with <paramref name="overrides"/> applied last.</summary>
    public static IConfiguration Build(IDictionary<string, string?>? overrides = null) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.Local.json"), optional: true)
        .AddEnvironmentVariables()
        .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
        .Build();
}
