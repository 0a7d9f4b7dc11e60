using Spectre.Console;
using StripeSf.Core.Backfill;

namespace StripeSf.Cli.Backfill;

/// <summary>
/// Progress bars on a terminal: one task per object type with its counts, rate (objects per second),
/// elapsed time and ETA (<see cref="BackfillEta"/>). When Stripe estimates the type's count the bar's
/// maximum is that estimate; without one (refunds, disputes, a refused count), or once the list read
/// more than the estimate, the bar is indeterminate until its list ends — never past 100%.
/// </summary>
internal sealed class SpectreBackfillProgress(ProgressContext context) : IBackfillProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BackfillEta> _etas = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    // Object types run one after the other: the current one started when the previous one ended.
    private TimeSpan _typeStarted;

    public void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally)
    {
        _typeStarted = _clock.Elapsed;
        _etas[objectType] = new BackfillEta(objectType, estimatedTotal, tally.Read, _typeStarted);
        var task = Task(objectType);
        if (estimatedTotal is { } total && total > 0 && tally.Read <= total)
        {
            task.MaxValue = total;
            task.Value = tally.Read;
            task.IsIndeterminate = false;
        }

        task.Description = Describe(objectType, tally);
    }

    public void ChunkDone(string objectType, BackfillTally tally)
    {
        var task = Task(objectType);
        if (Eta(objectType).Bounds(tally) && !task.IsIndeterminate)
        {
            task.Value = tally.Read;
        }
        else
        {
            // No estimate, or more read than it: a share would be a guess.
            task.IsIndeterminate = true;
            task.MaxValue = Math.Max(task.MaxValue, tally.Read + 1);
            task.Value = tally.Read;
        }

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
        $"{objectType}: {Markup.Escape(Eta(objectType).Count(tally))} read ({Markup.Escape(Eta(objectType).Describe(tally, _clock.Elapsed, done))}), {tally.Created:N0} created, {tally.Updated:N0} updated, {tally.Stale:N0} stale, [red]{tally.Failed:N0} failed[/]";

    private BackfillEta Eta(string objectType) =>
        _etas.TryGetValue(objectType, out var eta) ? eta : _etas[objectType] = new BackfillEta(objectType, null, 0, _typeStarted);

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
