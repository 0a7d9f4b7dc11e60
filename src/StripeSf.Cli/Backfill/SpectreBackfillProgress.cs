using Spectre.Console;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// Progress bars on a terminal: one task per object type with its counts, rate (objects per second),
/// elapsed time and ETA (<see cref="BackfillEta"/>: "ETA unknown" while the list runs — Stripe lists
/// carry no total count, so a bar stays indeterminate until its list ends).
/// </summary>
internal sealed class SpectreBackfillProgress(ProgressContext context) : IBackfillProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    // Object types run one after the other: the current one started when the previous one ended.
    private TimeSpan _typeStarted;

    public void ChunkDone(string objectType, BackfillTally tally)
    {
        var task = Task(objectType);
        task.Increment(tally.Read - task.Value);
        task.MaxValue = Math.Max(task.MaxValue, tally.Read + 1);
        task.Description = Describe(objectType, tally);
    }

    public void JobStarted(string objectType, string sObject, string jobId, int rows) =>
        Task(objectType).Description = $"{objectType}: Bulk job {Markup.Escape(jobId)} ({rows:N0} {sObject})";

    public void ObjectDone(string objectType, BackfillTally tally)
    {
        var task = Task(objectType);
        task.MaxValue = Math.Max(1, tally.Read);
        task.Value = task.MaxValue;
        task.IsIndeterminate = false;
        task.Description = Describe(objectType, tally, done: true);
        task.StopTask();
        _typeStarted = _clock.Elapsed;
    }

    private string Describe(string objectType, BackfillTally tally, bool done = false) =>
        $"{objectType}: {tally.Read:N0} read ({Markup.Escape(BackfillEta.Describe(tally, _clock.Elapsed - _typeStarted, done))}), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, [red]{tally.Failed:N0} failed[/]";

    private ProgressTask Task(string objectType)
    {
        if (!_tasks.TryGetValue(objectType, out var task))
        {
            task = _tasks[objectType] = context.AddTask(objectType, maxValue: 1);
            task.IsIndeterminate = true;
        }

        return task;
    }
}
