using Spectre.Console;
using StripeSf.Cli.Backfill;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Tests;

/// <summary>The terminal progress of <c>stripesf backfill</c>, rendered to a captured console.</summary>
public sealed class SpectreBackfillProgressTests
{
    [Fact]
    public async Task Progress_ChunksThenDone_ShowsCountsPerObjectTypeAndEndsComplete()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes });
        var finished = false;

        await console.Progress().StartAsync(context =>
        {
            var progress = new SpectreBackfillProgress(context);
            progress.JobStarted(BackfillObjects.Customers, "Account", "750LB1", 5);
            progress.ChunkDone(BackfillObjects.Customers, new BackfillTally { Read = 5, Created = 10, Updated = 5 });
            progress.ObjectDone(BackfillObjects.Customers, new BackfillTally { Read = 7, Created = 14, Updated = 7, Failed = 1 });
            finished = context.IsFinished;
            return Task.CompletedTask;
        });

        var text = writer.ToString();
        Assert.True(finished);
        Assert.Contains("customers: 7 read", text, StringComparison.Ordinal);
        Assert.Contains("14 created, 7 updated, 0 stale, 1 failed", text, StringComparison.Ordinal);
        Assert.Contains("/s, done)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_ListStillRunning_SaysTheEtaIsUnknownInsteadOfGuessing()
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes });

        // A wide terminal: the description column is not cut.
        console.Profile.Width = 240;

        await console.Progress().StartAsync(context =>
        {
            var progress = new SpectreBackfillProgress(context);
            progress.ObjectDone(BackfillObjects.Customers, new BackfillTally { Read = 7 });
            progress.ChunkDone(BackfillObjects.Invoices, new BackfillTally { Read = 50_000, Created = 50_000 });
            return Task.CompletedTask;
        });

        var text = writer.ToString();
        Assert.Contains("invoices: 50,000 read", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe lists carry no total)", text, StringComparison.Ordinal);
    }
}
