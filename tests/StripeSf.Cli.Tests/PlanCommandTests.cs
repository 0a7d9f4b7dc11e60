using System.Text.Json;
using StripeSf.Cli.Commands;
using StripeSf.Testing.Stripe;

namespace StripeSf.Cli.Tests;

public sealed class PlanCommandTests
{
    [Fact]
    public async Task Plan_Directory_PrintsOneJsonLinePerEventNamingItsQueue()
    {
        using var output = new StringWriter();

        var exitCode = await PlanCommand.RunAsync([TestEvents.FixtureDirectory], output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Directory.GetFiles(TestEvents.FixtureDirectory, "*.json").Length, lines.Count);
        var failed = Assert.Single(lines, l => l.GetProperty("type").GetString() == "invoice.payment_failed");
        Assert.Equal("invoice.payment_failed", failed.GetProperty("queue").GetString());
        Assert.Equal("evt_1QfIpf2eZvKYlo2CinvFail01", failed.GetProperty("eventId").GetString());
        Assert.True(failed.TryGetProperty("salesforce", out var requests) && requests.ValueKind == JsonValueKind.Array);
        Assert.All(lines, l => Assert.Contains(l.GetProperty("outcome").GetString(), new[] { "write", "nothing-to-write" }));
    }

    [Fact]
    public async Task Plan_UnroutedAndMalformedFiles_SayWhy()
    {
        var directory = Directory.CreateTempSubdirectory("stripesf-plan-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(directory.FullName, "a.json"),
                TestEvents.Minimal("product.created", "evt_1PlanIgnored", new() { ["id"] = "prod_1", ["object"] = "product" }));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "b.json"), "{ nope");
            using var output = new StringWriter();

            await PlanCommand.RunAsync([directory.FullName], output, CancellationToken.None);

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal("ignored", lines[0].GetProperty("outcome").GetString());
            Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("queue").ValueKind);
            Assert.Equal("malformed", lines[1].GetProperty("outcome").GetString());
            Assert.Contains("not valid JSON", lines[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Plan_MissingPath_ExitsWithTwo()
    {
        using var output = new StringWriter();

        var exitCode = await PlanCommand.RunAsync(["/nonexistent/stripesf/events"], output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Empty(output.ToString());
    }
}
