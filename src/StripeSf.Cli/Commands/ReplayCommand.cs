using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Notifications;
using StripeSf.Core.Replay;
using StripeSf.Core.Settlement;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf replay PATH…</c>: processes event files against the configured Salesforce org with the
/// production processor, retrying transient failures as the queue would; exits 1 only when an event
/// ends dead-lettered.
/// </summary>
public static class ReplayCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Events processed at once.", DefaultValueFactory = _ => 4 };
        var maxDelay = new Option<int>("--max-retry-delay") { Description = "Longest wait between attempts, in seconds (the queue's own schedule reaches hours).", DefaultValueFactory = _ => 30 };
        var paths = new Argument<string[]>("paths") { Description = "Event JSON files or directories of them.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("replay", "Process Stripe event files against the configured Salesforce org, as the deployed queues would.") { concurrency, maxDelay, paths };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            CliConfiguration.Build(),
            parse.GetValue(paths)!,
            new ReplayOptions { Concurrency = Math.Max(1, parse.GetValue(concurrency)), MaxRetryDelay = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(maxDelay))) },
            Console.Out,
            cancellationToken));
        return command;
    }

    /// <summary>Replays, prints one line per event and a summary; 0 unless an event is dead-lettered (1) or the setup is wrong (2).</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, IEnumerable<string> paths, ReplayOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var problems = SalesforceOptionsValidator.Check(configuration.GetSection(SalesforceOptions.SectionName).Get<SalesforceOptions>() ?? new SalesforceOptions());
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync($"stripesf replay: Salesforce is not configured: {string.Join("; ", problems)} (stripesf plan shows the requests without sending them)");
            return 2;
        }

        var events = new List<(string, byte[])>();
        foreach (var path in paths)
        {
            var files = EventFiles.Expand(path);
            if (files is null)
            {
                await Console.Error.WriteLineAsync($"stripesf replay: {path}: no such file or directory");
                return 2;
            }

            foreach (var file in files)
            {
                events.Add((file, await File.ReadAllBytesAsync(file, cancellationToken)));
            }
        }

        await using var services = Services(configuration);
        var counter = (CallCountingSalesforceClient)services.GetRequiredService<ISalesforceClient>();
        var results = await services.GetRequiredService<EventReplayer>().ReplayAsync(events, options, cancellationToken);
        foreach (var result in results)
        {
            await output.WriteLineAsync($"{result.State,-16} {result.EventId ?? "-"} {result.Type ?? "-"} (attempts {result.Attempts}) {result.Detail} [{result.Source}]");
        }

        // Delivered in-process (no Service Bus here): what the notification queue would send in Azure.
        foreach (var notification in services.GetRequiredService<InProcessNotificationOutbox>().Settled)
        {
            await output.WriteLineAsync(NotificationLine(notification));
        }

        var processed = results.Count(r => r.Attempts > 0);
        var perEvent = processed == 0 ? 0 : (double)counter.Calls / processed;
        await output.WriteLineAsync(
            $"replay: {results.Count} files; " +
            string.Join(", ", results.GroupBy(r => r.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")) +
            $"; {counter.Calls} Salesforce API calls ({perEvent:0.00} per processed event)");
        return results.Any(r => r.State == ReplayStates.DeadLettered) ? 1 : 0;
    }

    /// <summary>"notified evt_1:slack (attempts 1)", or "notification dead-lettered evt_1:email (attempts 6) Reason: description".</summary>
    public static string NotificationLine(LocalNotification notification) => notification.Action switch
    {
        SettlementAction.DeadLetter dead => $"{"notification dead-lettered",-16} {notification.Key} (attempts {notification.Attempts}) {dead.Reason}: {dead.Description}",
        _ => $"{"notified",-16} {notification.Key} (attempts {notification.Attempts})",
    };

    private static ServiceProvider Services(IConfiguration configuration) =>
        CliServices.Build(configuration, services => services.AddStripeEventProcessing());
}
