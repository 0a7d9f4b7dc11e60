using Spectre.Console;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// Progress bars on a terminal: one task per object type with its counts, rate (objects per second)
/// and elapsed time. Stripe lists carry no total count, so a bar stays indeterminate until its list
/// ends and no ETA can be honest.
/// </summary>
internal sealed class SpectreBackfillProgress(ProgressContext context) : IBackfillProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

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
        task.Description = Describe(objectType, tally);
        task.StopTask();
    }

    private string Describe(string objectType, BackfillTally tally) =>
        $"{objectType}: {tally.Read:N0} read ({tally.Read / Math.Max(0.001, _clock.Elapsed.TotalSeconds):N0}/s), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, [red]{tally.Failed:N0} failed[/]";

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
