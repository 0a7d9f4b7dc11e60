using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Processing;

namespace StripeSf.Cli.Commands;

/// <summary><c>stripesf plan [--format json] PATH…</c>: one JSON line per event file with its queue and Salesforce requests, no network.</summary>
public static class PlanCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "Output format (json: one object per line).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var paths = new Argument<string[]>("paths") { Description = "Event JSON files or directories of them.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("plan", "Show, for each Stripe event file, its queue and the Salesforce requests the processor would send.") { format, paths };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(paths)!, Console.Out, cancellationToken));
        return command;
    }

    /// <summary>Writes one line per event file; returns 0, or 2 when a path does not exist.</summary>
    public static async Task<int> RunAsync(IEnumerable<string> paths, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddSingleton(CliConfiguration.Build()).AddEventPlanning().BuildServiceProvider();
        var planner = services.GetRequiredService<EventPlanner>();
        var exitCode = 0;
        foreach (var path in paths)
        {
            var files = EventFiles.Expand(path);
            if (files is null)
            {
                await Console.Error.WriteLineAsync($"stripesf plan: {path}: no such file or directory");
                exitCode = 2;
                continue;
            }

            foreach (var file in files)
            {
                var plan = await planner.PlanAsync(await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken);
                await output.WriteLineAsync(JsonSerializer.Serialize(ToLine(file, plan), Json));
            }
        }

        return exitCode;
    }

    private static object ToLine(string file, EventPlan plan) => new
    {
        plan.EventId,
        plan.Type,
        plan.Queue,
        plan.Outcome,
        plan.Detail,
        File = file,
        AllOrNone = plan.Salesforce.AllOrNone,
        Salesforce = plan.Salesforce.Subrequests.Select(s => new { s.Method, s.Url, s.ReferenceId, s.Body }),
    };
}
