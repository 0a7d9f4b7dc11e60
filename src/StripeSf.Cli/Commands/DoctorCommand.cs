using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StripeSf.Cli.Doctor;
using StripeSf.Cli.Hosting;
using StripeSf.Core.Routing;
using StripeSf.Salesforce.DependencyInjection;
using StripeSf.Salesforce.Preflight;

namespace StripeSf.Cli.Commands;

/// <summary><c>stripesf doctor</c>: checks configuration, Salesforce and Stripe before going live; exits 1 when something must be fixed.</summary>
public static class DoctorCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var command = new Command("doctor", "Check the configuration, the Salesforce org (sign-in, API usage, mapped fields) and Stripe access.");
        command.SetAction(async (_, cancellationToken) => await RunAsync(CliConfiguration.Build(), Console.Out, cancellationToken));
        return command;
    }

    /// <summary>Prints one line per check and returns 0 when nothing is an error, else 1.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddSalesforceClient(configuration).BuildServiceProvider();
        var runner = new DoctorRunner(configuration, services.GetRequiredService<SalesforcePreflight>(), RoutingTable.Default);
        var checks = await runner.RunAsync(cancellationToken);
        foreach (var check in checks)
        {
            var mark = check.Status switch { DoctorStatus.Ok => "ok  ", DoctorStatus.Warning => "warn", _ => "FAIL" };
            await output.WriteLineAsync($"{mark} {check.Area}: {check.Message}");
            if (check.Fix is not null && check.Status != DoctorStatus.Ok)
            {
                await output.WriteLineAsync($"     fix: {check.Fix}");
            }
        }

        var errors = checks.Count(c => c.Status == DoctorStatus.Error);
        await output.WriteLineAsync(errors == 0 ? "doctor: ready" : $"doctor: {errors} problem(s) to fix");
        return errors == 0 ? 0 : 1;
    }
}
