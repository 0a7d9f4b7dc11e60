using System.Text;
using Microsoft.Extensions.Configuration;
using StripeSf.Cli.Commands;
using StripeSf.Core.Replay;
using StripeSf.Testing.LoopbackSalesforce;
using StripeSf.Testing.Scenarios;
using Xunit.Abstractions;

namespace StripeSf.Cli.Tests;

/// <summary><c>stripesf replay</c> against a loopback Salesforce over real HTTP.</summary>
public sealed class ReplayCommandTests(ITestOutputHelper log) : IDisposable
{
    private readonly DirectoryInfo _events = Directory.CreateTempSubdirectory("stripesf-replay-");

    public void Dispose() => _events.Delete(recursive: true);

    [Fact]
    public async Task Replay_EventFiles_WritesThemAndPrintsCallsPerEvent()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "replay", ClientSecret = "replay" });
        var day = StripeDay.Create(3);
        foreach (var e in day.Events)
        {
            await File.WriteAllBytesAsync(Path.Combine(_events.FullName, $"{e.Id}.json"), e.Payload);
        }

        await File.WriteAllBytesAsync(Path.Combine(_events.FullName, "zz-again.json"), day.Events[0].Payload);
        using var output = new StringWriter();

        var exitCode = await ReplayCommand.RunAsync(Settings(salesforce), [_events.FullName], new ReplayOptions { Concurrency = 1, MaxRetryDelay = TimeSpan.Zero }, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(0, exitCode);
        Assert.Equal(3, salesforce.Records("Account").Count);
        Assert.Contains($"{day.Events.Count} written", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 duplicate", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{salesforce.ApiCalls} Salesforce API calls", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_EventSalesforceRejects_ExitsOneAndSaysWhy()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(new LoopbackSalesforceOptions { ClientId = "replay", ClientSecret = "replay", StrictFields = true });
        var day = StripeDay.Create(1);
        await File.WriteAllBytesAsync(Path.Combine(_events.FullName, "created.json"), day.Events[0].Payload);
        var configuration = Settings(salesforce, ("Mapping:Account:CustomerEventAt", "Not_A_Field__c"));
        using var output = new StringWriter();

        var exitCode = await ReplayCommand.RunAsync(configuration, [_events.FullName], new ReplayOptions { MaxRetryDelay = TimeSpan.Zero }, output, CancellationToken.None);

        log.WriteLine(output.ToString());
        Assert.Equal(1, exitCode);
        Assert.Contains("dead-lettered", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("SalesforceRejected", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("INVALID_FIELD", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithoutSalesforceSettings_ExitsTwo()
    {
        await File.WriteAllTextAsync(Path.Combine(_events.FullName, "x.json"), "{}", Encoding.UTF8);
        using var output = new StringWriter();

        var exitCode = await ReplayCommand.RunAsync(new ConfigurationBuilder().Build(), [_events.FullName], new ReplayOptions(), output, CancellationToken.None);

        Assert.Equal(2, exitCode);
    }

    private static IConfiguration Settings(LoopbackSalesforce salesforce, params (string Key, string Value)[] extra)
    {
        var values = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = salesforce.BaseUrl.ToString(),
            ["Salesforce:ClientId"] = "replay",
            ["Salesforce:ClientSecret"] = "replay",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
