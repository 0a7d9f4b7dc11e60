using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using StripeSf.Cli.Backfill;
using StripeSf.Cli.Hosting;
using StripeSf.Core.Backfill;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Bulk;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf backfill [--since DATE] [--objects customers,subscriptions,invoices,charges,refunds,disputes] [--dry-run] [--resume]</c>: writes the
/// Stripe history into Salesforce with Bulk API 2.0 upserts, mapped by the webhooks' flows, each row
/// guarded by the time it was read. Exit 0 when every row was written (or refused as stale), 1 when
/// rows failed (see the failed-rows CSV), 2 on a setup error.
/// </summary>
public static class BackfillCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only objects created on or after this UTC date (yyyy-MM-dd); default: all." };
        var objects = new Option<string>("--objects") { Description = $"Comma-separated Stripe object types, written parents first whatever the order given (default: all, {string.Join(",", BackfillObjects.All)}).", DefaultValueFactory = _ => string.Join(",", BackfillObjects.All) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read Stripe and print what would be written (counts and a sample); write nothing." };
        var resume = new Option<bool>("--resume") { Description = "Go on from the checkpoint of an interrupted run." };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Checkpoint file.", DefaultValueFactory = _ => "stripesf-backfill.checkpoint.json" };
        var failedRows = new Option<string>("--failed-rows") { Description = "CSV of the rows Salesforce refused, with its reason.", DefaultValueFactory = _ => "stripesf-backfill-failed.csv" };
        var chunk = new Option<int>("--chunk-size") { Description = "Stripe objects per round of Bulk jobs (memory and resume granularity).", DefaultValueFactory = _ => 50_000 };
        var command = new Command("backfill", "Write the Stripe history into Salesforce with Bulk API 2.0 (resumable).") { since, objects, dryRun, resume, checkpoint, failedRows, chunk };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new BackfillCommandOptions(parse.GetValue(since), parse.GetValue(objects)!, parse.GetValue(dryRun), parse.GetValue(resume),
                parse.GetValue(checkpoint)!, parse.GetValue(failedRows)!, Math.Max(100, parse.GetValue(chunk)));
            if (Console.IsOutputRedirected || parse.GetValue(dryRun))
            {
                return await RunAsync(CliConfiguration.Build(), options, new PlainBackfillProgress(Console.Out), Console.Out, Console.Error, cancellationToken);
            }

            var exit = 0;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context => exit = await RunAsync(CliConfiguration.Build(), options, new SpectreBackfillProgress(context), Console.Out, Console.Error, cancellationToken));
            return exit;
        });
        return command;
    }

    /// <summary>Runs the backfill and prints the summary; see the class summary for exit codes.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, BackfillCommandOptions options, IBackfillProgress progress, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // A dry run writes nothing to Salesforce, so it needs no Salesforce settings.
        var problems = CliServices.SetupProblems(configuration, "read access to the backfilled objects", checkSalesforce: !options.DryRun);

        DateTimeOffset? from = null;
        if (options.Since is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            else
            {
                problems.Add($"--since {text} is not a date in the form yyyy-MM-dd");
            }
        }

        var objects = options.Objects.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        problems.AddRange(objects.Where(o => !BackfillObjects.All.Contains(o)).Select(o => $"--objects: {o} is not a Stripe object type ({string.Join(", ", BackfillObjects.All)})"));
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"stripesf backfill: {string.Join("; ", problems)}");
            return 2;
        }

        await using var planning = new ServiceCollection().AddSingleton(configuration).AddLogging().AddEventPlanning().BuildServiceProvider();
        await using var services = new ServiceCollection()
            .AddSingleton(configuration)
            // Warnings only: the progress (bars or lines) is the output; a log line per HTTP call would tear the bars apart.
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true))
            .AddSalesforceClientIf(configuration, !options.DryRun)
            .BuildServiceProvider();
        var runner = new BackfillRunner(
            new ReconciliationStripeClient(Options.Create(configuration.GetSection(StripeApiOptions.SectionName).Get<StripeApiOptions>() ?? new StripeApiOptions())),
            new BackfillMapper(planning.GetRequiredService<EventPlanner>(), planning.GetRequiredService<IOptions<SalesforceMappingOptions>>().Value),
            options.DryRun ? null : services.GetRequiredService<SalesforceBulkClient>(),
            options.DryRun ? null : new BackfillContactClaims(services.GetRequiredService<ISalesforceClient>(),
                Options.Create(configuration.GetSection(SalesforceMappingOptions.SectionName).Get<SalesforceMappingOptions>() ?? new SalesforceMappingOptions())),
            TimeProvider.System);

        BackfillResult result;
        try
        {
            result = await runner.RunAsync(new BackfillRequest(from, objects, options.CheckpointPath, options.DryRun, options.Resume, options.ChunkSize), progress, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Stripe.StripeException or StripeSf.Salesforce.Errors.SalesforceApiException)
        {
            await error.WriteLineAsync($"stripesf backfill: {ex.Message}{(options.DryRun ? "" : $" (the checkpoint {options.CheckpointPath} is kept: run again with --resume)")}");
            return 2;
        }

        foreach (var (objectType, tally) in result.Tallies)
        {
            await output.WriteLineAsync(options.DryRun
                ? $"dry run: {objectType}: {tally.Read:N0} read{Skipped(tally)}; would upsert {(tally.Rows.Count == 0 ? "nothing" : string.Join(", ", tally.Rows.Select(r => $"{r.Value:N0} {r.Key}")))}"
                : $"backfill: {objectType}: {tally.Read:N0} read{Skipped(tally)}; {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} skipped as stale (newer live data), {tally.Failed:N0} failed");
        }

        if (options.DryRun)
        {
            foreach (var row in result.Sample)
            {
                await output.WriteLineAsync($"  sample: {row.SObject} by {row.ExternalIdField} = {row.ExternalId} ({row.Role}): {string.Join(", ", row.Cells.Select(c => $"{c.Key}={c.Value.ReplaceLineEndings("\\n")}"))}");
            }

            await output.WriteLineAsync("dry run: nothing was written");
            return 0;
        }

        BackfillFailedRows.Write(options.FailedRowsPath, result.Failures);
        await output.WriteLineAsync($"backfill: {result.BulkJobs} Bulk jobs; {result.Failures.Count} failed rows{(result.Failures.Count > 0 ? $" in {options.FailedRowsPath}" : "")}");
        return result.Failures.Count > 0 ? 1 : 0;
    }

    private static string Skipped(BackfillTally tally) => tally.Skipped > 0 ? $" ({tally.Skipped:N0} with nothing a webhook would write)" : "";

    private static IServiceCollection AddSalesforceClientIf(this IServiceCollection services, IConfiguration configuration, bool condition) =>
        condition ? services.AddSalesforceClient(configuration) : services;
}
