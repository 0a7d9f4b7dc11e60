using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StripeSf.Cli.Hosting;

namespace StripeSf.Cli.Commands;

/// <summary><c>stripesf serve [--port 7071] [--dry-run]</c>: the local webhook host.</summary>
public static class ServeCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 7071 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Log the Salesforce requests instead of sending them." };
        var command = new Command("serve", "Run the webhook ingress and processor locally: stripe listen --forward-to localhost:7071/api/stripe/webhook") { port, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = CliConfiguration.Build();
            var app = LocalWebhookHost.Build(configuration, parse.GetValue(port), parse.GetValue(dryRun));
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await Console.Out.WriteLineAsync($"stripesf: listening on {address}{LocalWebhookHost.WebhookPath} (Ctrl+C to stop)");
            await Console.Out.WriteLineAsync(LocalWebhookHost.IsDryRun(configuration, parse.GetValue(dryRun))
                ? "stripesf: dry run: Salesforce requests are logged, not sent"
                : $"stripesf: writing to Salesforce ({configuration["Salesforce:LoginUrl"] ?? "https://login.salesforce.com"})");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
