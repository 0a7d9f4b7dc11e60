using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Renewals;
using StripeSf.Core.StripeApi;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Configuration;
using StripeSf.Salesforce.DependencyInjection;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf renewals [--days N] [--dry-run]</c>: the daily renewal sweep on demand against the
/// configured org and Stripe account — an open renewal Opportunity for each active subscription whose
/// term ends within N days (default <c>Renewals__Days</c>, 90). <c>--dry-run</c> reads everything and
/// prints what it would create, writing nothing. Progress goes to stderr, the report to stdout.
/// Exit 0 when the sweep completed, 1 when Salesforce refused some renewals, 2 on a setup error (or a
/// sweep that could not read Stripe or Salesforce).
/// </summary>
public static class RenewalsCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var days = new Option<int?>("--days") { Description = "Create renewals for terms ending within this many days (default Renewals__Days, 90)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the renewals the sweep would create; write nothing." };
        var command = new Command("renewals", "Create an open renewal Opportunity for each active subscription whose term ends within N days.") { days, dryRun };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(
            CliConfiguration.Build(), parse.GetValue(days), parse.GetValue(dryRun), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    /// <summary>Runs one sweep and prints the report; see the class summary for exit codes.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, int? days, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var problems = CliServices.SetupProblems(configuration, "read access to subscriptions");

        if (days is < 1 or > 730)
        {
            problems.Add($"--days {days} must be between 1 and 730");
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"stripesf renewals: {string.Join("; ", problems)}");
            return 2;
        }

        RenewalSweepReport report;
        int calls;
        try
        {
            await using var services = Services(configuration);
            var sweep = services.GetRequiredService<RenewalSweep>();
            var ahead = days ?? services.GetRequiredService<IOptions<RenewalsOptions>>().Value.Days;
            report = await sweep.RunAsync(ahead, dryRun, new LineProgress(error), cancellationToken);
            calls = CliServices.SalesforceCalls(services);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OptionsValidationException invalid ? string.Join("; ", invalid.Failures) : ex.Message;
            await error.WriteLineAsync($"stripesf renewals: the sweep failed: {reason}");
            return 2;
        }

        foreach (var line in report.Lines())
        {
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync($"renewals: {report.StripeCalls} Stripe list calls; {calls} Salesforce API calls{(dryRun ? "; nothing written (dry run)" : "")}");
        return report.HasFailures ? 1 : 0;
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        CliServices.Build(configuration, services => services.AddStripeEventProcessing().AddRenewalSweep());

    // Progress<T> would post lines to the thread pool, out of order.
    private sealed class LineProgress(TextWriter writer) : IProgress<string>
    {
        public void Report(string value) => writer.WriteLine(value);
    }
}
