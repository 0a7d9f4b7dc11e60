using System.Text.Json;

namespace StripeSf.Core.Backfill;

/// <summary>
/// What a backfill has finished, written after every step (atomically: a temporary file, then a
/// rename), so a crash or Ctrl+C loses at most the chunk in flight: per object type the Stripe
/// cursor (the last id of the last chunk whose jobs all ended) and whether the list is done, and the
/// Bulk jobs opened for the chunk in flight. <c>--resume</c> settles those jobs, then reads on from
/// the cursor: the chunk in flight is written again, which upserts by external id make harmless. The
/// roll-up map (<see cref="BackfillRollups"/>) is saved beside it (<see cref="RollupsPath"/>) after every chunk.
/// </summary>
public sealed class BackfillCheckpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// When the run started reading Stripe: the guard of the Account roll-up groups child objects write
    /// (see <see cref="BackfillMapper"/>), kept across <c>--resume</c>.
    /// </summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Oldest creation time listed (null: everything).</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>Object types in write order.</summary>
    public List<string> Objects { get; set; } = [];

    /// <summary>Progress per object type.</summary>
    public Dictionary<string, BackfillCursor> Cursors { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Bulk jobs of the chunk in flight (id and object).</summary>
    public List<BackfillOpenJob> OpenJobs { get; set; } = [];

    /// <summary>The checkpoint at <paramref name="path"/>, or null when there is none.</summary>
    public static BackfillCheckpoint? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<BackfillCheckpoint>(File.ReadAllText(path), Json) : null;

    /// <summary>The progress of <paramref name="objectType"/> (created on first use).</summary>
    public BackfillCursor For(string objectType) => Cursors.TryGetValue(objectType, out var cursor) ? cursor : Cursors[objectType] = new BackfillCursor();

    /// <summary>Where the roll-up map of the run is saved (<see cref="BackfillRollups"/>): next to the checkpoint.</summary>
    public static string RollupsPath(string checkpointPath) => checkpointPath + ".rollups";

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
