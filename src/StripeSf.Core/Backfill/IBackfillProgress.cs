namespace StripeSf.Core.Backfill;

/// <summary>Where a backfill reports as it goes (progress bars on a terminal, plain lines otherwise).</summary>
public interface IBackfillProgress
{
    /// <summary>
    /// The list of <paramref name="objectType"/> starts (or, with <c>--resume</c>, goes on):
    /// <paramref name="estimatedTotal"/> is Stripe's estimate of how many objects it holds
    /// (<see cref="BackfillTotals"/>; null when Stripe has no count for the type or did not give one),
    /// <paramref name="tally"/> what was read before (the checkpoint's count).
    /// </summary>
    void ObjectStarted(string objectType, long? estimatedTotal, BackfillTally tally);

    /// <summary>A chunk of <paramref name="objectType"/> was written (or, in a dry run, mapped); <paramref name="tally"/> holds the totals so far.</summary>
    void ChunkDone(string objectType, BackfillTally tally);

    /// <summary>A Bulk job was created, before its upload.</summary>
    void JobStarted(string objectType, string sObject, string jobId, int rows);

    /// <summary>The list of <paramref name="objectType"/> is finished.</summary>
    void ObjectDone(string objectType, BackfillTally tally);
}
