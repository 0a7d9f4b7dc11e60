using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Leads;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf sync-leads [--since T] [--dry-run]</c>: the Lead → Stripe customer sync the timer runs,
/// from the stored watermark (or T), run after run (each at most <c>LeadSync__MaxLeadsPerRun</c> Leads)
/// until no Lead is left. Prints a line per page of ≤ 200 Leads, each Lead that did not sync and why,
/// and a summary per run. Exit 0 when every Lead read is settled (synced, unchanged, or
/// skipped/refused with its reason on the Lead), 1 when some wait for the next run, 2 on a setup error.
/// </summary>
public static class SyncLeadsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Read Leads changed since this UTC time (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ) instead of the stored watermark." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read Salesforce and Stripe, write nothing (no customer, no Lead, no watermark)." };
        var command = new Command("sync-leads", "Sync the selected Salesforce Leads to Stripe customers (what the LeadSync timer runs).") { since, dryRun };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            CliConfiguration.Build(), parse.GetValue(since), parse.GetValue(dryRun), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs the sync; see the class summary for the output and exit codes.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string? since, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var problems = CliServices.SetupProblems(configuration, "write access to customers");

        var from = CliServices.Since(since, problems);

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"stripesf sync-leads: {string.Join("; ", problems)}");
            return 2;
        }

        await using var services = Services(configuration);
        var exit = 0;
        var request = new LeadSyncRequest(from, dryRun);
        while (true)
        {
            LeadSyncResult result;
            try
            {
                var runner = services.GetRequiredService<LeadSyncRunner>();
                await output.WriteLineAsync($"sync-leads: Leads changed since {(request.Since is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : "the stored watermark")}{(dryRun ? " (dry run: nothing is written)" : "")}");
                result = await runner.RunAsync(request, new PlainLeadSyncProgress(output), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync($"stripesf sync-leads: {ex.Message}");
                return 2;
            }

            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync($"{problem.Kind,-9} {problem.LeadId} {problem.Reason}");
            }

            var c = result.Counts;
            var calls = CliServices.SalesforceCalls(services);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{c.Read} Leads read: {c.Created} created, {c.Updated} updated, {c.Unchanged} unchanged, {c.Skipped} skipped, {c.Refused} refused by Stripe, {c.Deferred} deferred; " +
                $"watermark {(result.Watermark is { } w ? $"{w.Modstamp:O} ({w.LeadId})" : "none")}{(result.WatermarkSaved ? " saved" : dryRun ? " (not saved: dry run)" : " unchanged")}; " +
                $"{calls} Salesforce API calls, {result.StripeRetries} Stripe retries"));
            if (result.StoppedBecause is not null)
            {
                await output.WriteLineAsync($"stopped early: {result.StoppedBecause}");
            }

            if (result.StoppedBecause is not null || result.Problems.Any(p => p.Kind == LeadOutcomeKind.Deferred))
            {
                exit = 1;
            }

            // A run takes at most LeadSync__MaxLeadsPerRun Leads; the command goes on from the new watermark
            // (a dry run saves none, so it shows the first batch only).
            if (!result.MoreToRead)
            {
                return exit;
            }

            if (dryRun || !result.WatermarkSaved)
            {
                await output.WriteLineAsync("more Leads wait: the next run (or `stripesf sync-leads` again) continues");
                return exit;
            }

            request = new LeadSyncRequest(null, dryRun);
        }
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        CliServices.Build(configuration, services => services.AddLeadSync(configuration));

    private sealed class PlainLeadSyncProgress(TextWriter output) : ILeadSyncProgress
    {
        public void Report(LeadSyncCounts counts, LeadWatermark? watermark) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"… {counts.Read} read ({counts.Created} created, {counts.Updated} updated, {counts.Unchanged} unchanged, {counts.Skipped + counts.Refused + counts.Deferred} not synced); watermark {watermark?.Modstamp.ToString("O") ?? "none"}"));
    }
}
