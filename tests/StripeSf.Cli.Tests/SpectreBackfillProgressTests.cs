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
            progress.ObjectStarted(BackfillObjects.Refunds, null, new BackfillTally());
            progress.ChunkDone(BackfillObjects.Refunds, new BackfillTally { Read = 50_000, Created = 50_000 });
            return Task.CompletedTask;
        });

        var text = writer.ToString();
        Assert.Contains("refunds: 50,000 read", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (Stripe has no count for refunds: they have no search API)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_StripeEstimatesTheCount_TheBarIsAShareOfTheEstimateWithAnEta()
    {
        var text = await RenderAsync(progress =>
        {
            progress.ObjectStarted(BackfillObjects.Customers, 400, new BackfillTally());
            progress.ChunkDone(BackfillObjects.Customers, new BackfillTally { Read = 100, Created = 100 });
        });

        Assert.Contains("customers: 100 of ~400 read (", text, StringComparison.Ordinal);
        Assert.Matches(@"/s, ETA \d+s\)", text);
        Assert.Contains("25%", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_MoreReadThanTheEstimate_NeverShowsMoreThanAllOfIt()
    {
        var text = await RenderAsync(progress =>
        {
            progress.ObjectStarted(BackfillObjects.Customers, 400, new BackfillTally());
            progress.ChunkDone(BackfillObjects.Customers, new BackfillTally { Read = 100 });
            progress.ChunkDone(BackfillObjects.Customers, new BackfillTally { Read = 500 });
        });

        Assert.Contains("customers: 500 read (", text, StringComparison.Ordinal);
        Assert.Contains("ETA unknown (more read than Stripe's estimate of ~400)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("500 of", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(1[0-9]{2}|[2-9][0-9]{2})%", text);
    }

    private static async Task<string> RenderAsync(Action<SpectreBackfillProgress> steps)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.Yes });
        console.Profile.Width = 240;
        await console.Progress().StartAsync(context =>
        {
            steps(new SpectreBackfillProgress(context));
            return Task.CompletedTask;
        });

        return writer.ToString();
    }
}
