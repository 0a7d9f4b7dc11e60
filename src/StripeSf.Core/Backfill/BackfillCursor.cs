namespace StripeSf.Core.Backfill;

/// <summary>How far the list of one Stripe object type is written: <see cref="After"/> is Stripe's <c>starting_after</c> cursor.</summary>
public sealed class BackfillCursor
{
    /// <summary>Id of the last object of the last finished chunk (null: from the start).</summary>
    public string? After { get; set; }

    /// <summary>Objects read and written so far.</summary>
    public long Read { get; set; }

    /// <summary>The list is finished.</summary>
    public bool Done { get; set; }
}
