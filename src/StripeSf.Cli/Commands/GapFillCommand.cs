using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StripeSf.Cli.Hosting;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Healing;
using StripeSf.Core.Ingress;
using StripeSf.Core.Messaging;
using StripeSf.Core.Replay;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.ServiceBus;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf gap-fill [--since T]</c>: after a webhook outage, sends every routed Stripe event
/// created since T (default: the end of the last successful nightly gap-fill) through processing —
/// onto its Service Bus queue when Service Bus is configured, else in-process through the production
/// processor and settlement, as <c>replay</c> does. Exit 0 when every event went through, 1 when an
/// event ended dead-lettered, 2 on a setup error.
/// </summary>
public static class GapFillCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Oldest event creation time, UTC: yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ (default: where the last successful nightly gap-fill ended; at most 30 days back)." };
        var concurrency = new Option<int>("--concurrency") { Description = "Events processed at once (in-process only).", DefaultValueFactory = _ => 4 };
        var command = new Command("gap-fill", "Send the routed Stripe events created since a time through processing (after a webhook outage).") { since, concurrency };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            CliConfiguration.Build(), parse.GetValue(since),
            new ReplayOptions { Concurrency = Math.Max(1, parse.GetValue(concurrency)) }, Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Gap-fills, prints one line per event and a summary; see the class summary for exit codes.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string? since, ReplayOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var problems = CliServices.SetupProblems(configuration, "read access to events");

        var from = CliServices.Since(since, problems);

        var queued = ServiceBusClientFactory.IsConfigured(configuration);
        if (queued && !(configuration.GetSection(ClaimCheckOptions.SectionName).Get<ClaimCheckOptions>()?.IsConfigured ?? false))
        {
            // Large payloads travel by claim check; one kept in this process's memory could never be read by the Function App.
            problems.Add("enqueuing needs the claim-check storage the Function App reads: set ClaimCheck__BlobServiceUri (or ClaimCheck__ConnectionString), or unset the ServiceBus settings to process in-process");
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"stripesf gap-fill: {string.Join("; ", problems)}");
            return 2;
        }

        await using var services = Services(configuration, queued);
        var filler = services.GetRequiredService<GapFiller>();
        GapFillResult result;
        try
        {
            var window = from is { } t ? filler.Window(t) : await filler.DefaultWindowAsync(cancellationToken);
            IGapFillTarget target = queued
                ? services.GetRequiredService<QueueGapFillTarget>()
                : new ReplayGapFillTarget(services.GetRequiredService<EventReplayer>(), options);
            await output.WriteLineAsync($"gap-fill: events created {window}, {(queued ? "onto their Service Bus queues" : "processed in-process")}");
            result = await filler.RunAsync(window, target, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"stripesf gap-fill: {ex.Message}");
            return 2;
        }

        foreach (var outcome in result.Outcomes)
        {
            await output.WriteLineAsync($"{outcome.State,-16} {outcome.EventId} {outcome.Type} {outcome.Detail}");
        }

        var calls = CliServices.SalesforceCalls(services);
        await output.WriteLineAsync($"{result.Summary()}; {calls} Salesforce API calls");
        return result.Failures.Count > 0 ? 1 : 0;
    }

    private static ServiceProvider Services(IConfiguration configuration, bool queued) =>
        CliServices.Build(configuration, services =>
        {
            services.AddStripeEventProcessing().AddStripeReconciliation();
            // The message factory only needs the claim-check threshold; the webhook secrets are not this command's business.
            services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
            services.TryAddSingleton<EventMessageFactory>();
            if (queued)
            {
                services.AddSingleton(_ => ServiceBusClientFactory.Create(configuration));
                services.AddSingleton<IEventPublisher, ServiceBusEventPublisher>();
            }
        });
}
