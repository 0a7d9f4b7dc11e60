using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Reconciliation;
using StripeSf.Core.Replay;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf reconcile [--date yyyy-MM-dd] [--days N] [--repair] [--report FILE] [--dry-run]</c>: the
/// nightly reconciliation on demand against the configured org and Stripe account. It writes the
/// same run record and Case as the timer; <c>--repair</c> processes the missing objects' events at
/// once through the production processor (no queue); <c>--report</c> writes every discrepancy to
/// FILE (JSON, or CSV by the extension); <c>--dry-run</c> only reads (no run record, no Case, no
/// repair). Exit 0 when nothing disagrees after repair, 1 when discrepancies remain, 2 on a setup
/// error (or a run that failed).
/// </summary>
public static class ReconcileCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "First UTC day of the window, yyyy-MM-dd (default: the days before today)." };
        var days = new Option<int?>("--days") { Description = "Days in the window (default Reconciliation__WindowDays, 1)." };
        var repair = new Option<bool>("--repair") { Description = "Process the Stripe events of objects missing in Salesforce now, through the production processor." };
        var report = new Option<string?>("--report") { Description = "Write every discrepancy to this file: JSON, or CSV when it ends in .csv." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only read and print: no run record, no Case, no repair." };
        var command = new Command("reconcile", "Compare Stripe with Salesforce for a window (payments, refunds, disputes, Opportunities); write the run record and a Case.") { date, days, repair, report, dryRun };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            CliConfiguration.Build(), parse.GetValue(date), parse.GetValue(days), parse.GetValue(repair), Console.Out, Console.Error, cancellationToken,
            parse.GetValue(report), parse.GetValue(dryRun)));
        return command;
    }

    /// <summary>Runs one reconciliation and prints the report; see the class summary for exit codes.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, string? date, int? days, bool repair, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        string? reportPath = null, bool dryRun = false)
    {
        var problems = CliServices.SetupProblems(configuration, "read access to charges, invoices, refunds, subscriptions and events");

        DateOnly? firstDay = null;
        if (date is not null)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                firstDay = parsed;
            }
            else
            {
                problems.Add($"--date {date} is not a date in the form yyyy-MM-dd");
            }
        }

        if (days is < 1 or > 31)
        {
            problems.Add($"--days {days} must be between 1 and 31");
        }

        if (repair && dryRun)
        {
            problems.Add("--repair and --dry-run exclude each other (a dry run repairs nothing)");
        }

        if (reportPath is not null && (reportPath.Length == 0 || Path.GetDirectoryName(Path.GetFullPath(reportPath)) is not { } folder || !Directory.Exists(folder)))
        {
            problems.Add($"--report {reportPath}: the folder does not exist");
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"stripesf reconcile: {string.Join("; ", problems)}");
            return 2;
        }

        await using var services = Services(configuration);
        var runner = services.GetRequiredService<ReconciliationRunner>();
        var options = services.GetRequiredService<IOptions<ReconciliationOptions>>().Value;
        var window = firstDay is { } day
            ? ReconciliationWindow.ForDays(day, days ?? options.WindowDays)
            : ReconciliationWindow.EndingBefore(services.GetRequiredService<TimeProvider>().GetUtcNow(), days ?? options.WindowDays);
        var repairer = repair ? new ReplayEventRepairer(services.GetRequiredService<EventReplayer>(), new ReplayOptions()) : null;

        ReconciliationReport report;
        try
        {
            await output.WriteLineAsync($"reconcile: checking {window.RunKey} ({(window.End - window.Start).TotalDays:0} days){(dryRun ? ", dry run: nothing is written" : "")}…");
            var progress = new Progress(output);
            report = dryRun ? await runner.CheckAsync(window, progress, cancellationToken) : await runner.RunAsync(window, repairer, null, progress, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"stripesf reconcile: the run for {window.RunKey} failed: {ex.Message}");
            return 2;
        }

        using var finished = report;
        if (reportPath is not null)
        {
            await ReconciliationReportFile.WriteAsync(report, reportPath, cancellationToken);
        }

        foreach (var line in report.Lines(options.MaxListedDiscrepancies))
        {
            await output.WriteLineAsync(line);
        }

        var calls = CliServices.SalesforceCalls(services);
        var written = reportPath is null ? "" : $"; report {reportPath} ({report.DiscrepancyCount} discrepancies, {(ReconciliationReportFile.IsCsv(reportPath) ? "CSV" : "JSON")})";
        await output.WriteLineAsync($"reconcile: {report.RemainingCount} discrepancies remain; {calls} Salesforce API calls{(dryRun ? " (dry run: nothing written)" : "")}{written}");
        return report.RemainingCount > 0 ? 1 : 0;
    }

    /// <summary>Prints each finished check at once (synchronously: <see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class Progress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine("reconcile: " + value);
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        CliServices.Build(configuration, services => services.AddStripeEventProcessing().AddStripeReconciliation());
}
