using System.CommandLine;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Hosting;
using StripeSf.Core.Routing;
using StripeSf.Core.StripeApi;

namespace StripeSf.Cli.Commands;

/// <summary><c>stripesf stripe create-endpoint --url …</c>: registers the webhook endpoint with exactly the routed types at the pinned API version.</summary>
public static class StripeCommand
{
    /// <summary>The command group.</summary>
    public static Command Create()
    {
        var url = new Option<Uri>("--url") { Description = "The Function App webhook URL, with its function key: https://<app>.azurewebsites.net/api/stripe/webhook?code=<key>", Required = true };
        var description = new Option<string?>("--description") { Description = "Endpoint description shown in the Stripe dashboard." };
        var create = new Command("create-endpoint", "Create the Stripe webhook endpoint (routed event types, pinned API version) and print its signing secret once.") { url, description };
        create.SetAction(async (parse, cancellationToken) =>
            await CreateEndpointAsync(CliConfiguration.Build(), parse.GetValue(url)!, parse.GetValue(description), Console.Out, cancellationToken));
        return new Command("stripe", "Stripe account tasks.") { create };
    }

    /// <summary>Creates the endpoint and prints what to do with its secret; 1 on a configuration error.</summary>
    public static async Task<int> CreateEndpointAsync(IConfiguration configuration, Uri url, string? description, TextWriter output, CancellationToken cancellationToken)
    {
        var options = configuration.GetSection(StripeApiOptions.SectionName).Get<StripeApiOptions>() ?? new StripeApiOptions();
        CreatedWebhookEndpoint created;
        try
        {
            created = await new WebhookEndpointCreator(StripeClientFactory.Create(options), RoutingTable.Default).CreateAsync(url, description, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Stripe.StripeException)
        {
            await Console.Error.WriteLineAsync($"stripesf stripe create-endpoint: {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync($"created {created.Id}: {created.Url}");
        await output.WriteLineAsync($"api version {created.ApiVersion}; {created.EnabledEvents.Count} event types");
        await output.WriteLineAsync($"signing secret (shown once): {created.Secret}");
        await output.WriteLineAsync("next: add it to Stripe__WebhookSecrets (Key Vault secret stripe-webhook-secrets, comma-separated with any secret still in use)");
        return 0;
    }
}
