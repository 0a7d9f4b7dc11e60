using System.Globalization;
using System.Text;

namespace StripeSf.Core.Backfill;

/// <summary>
/// Which object wrote each Account roll-up group (subscription, billing status, last payment,
/// health) in this backfill, so that the newest object of a customer wins it, as replaying the
/// webhooks would: a roll-up row is kept only when its object's state is at least as new
/// (<see cref="BackfillSource.AsOf"/>) as the one that last wrote that group of that Account in this
/// run, whatever the object type and the chunk. Stripe lists are newest first, so the first object of
/// a customer usually wins and the older ones are dropped before they cost a row.
/// Memory: one entry per Account touched (its key and one time per group, about 150 bytes), the one
/// part of a backfill that grows with the volume (about 15 MB for 10^5 customers). It is saved next
/// to the checkpoint after every chunk (<see cref="Save"/>), so a resumed run decides the same way;
/// a chunk re-read after a crash states the same times again, which are kept (ties keep).
/// </summary>
public sealed class BackfillRollups(IReadOnlyList<string> guardFields)
{
    private readonly Dictionary<string, long[]> _newest = new(StringComparer.Ordinal);

    /// <summary>Accounts with at least one roll-up group written.</summary>
    public int Count => _newest.Count;

    /// <summary>True when <paramref name="row"/> (a roll-up row of an object as of <paramref name="asOf"/>) is to be written; records it.</summary>
    public bool Keep(BackfillRow row, long asOf)
    {
        var group = -1;
        for (var i = 0; i < guardFields.Count; i++)
        {
            if (row.Cells.ContainsKey(guardFields[i]))
            {
                group = i;
                break;
            }
        }

        if (group < 0)
        {
            return true;
        }

        if (!_newest.TryGetValue(row.ExternalId, out var times))
        {
            times = _newest[row.ExternalId] = new long[guardFields.Count];
        }

        if (asOf < times[group])
        {
            return false;
        }

        times[group] = asOf;
        return true;
    }

    /// <summary>The map saved by <see cref="Save"/> at <paramref name="path"/>, or an empty one.</summary>
    public static BackfillRollups Load(string path, IReadOnlyList<string> guardFields)
    {
        var rollups = new BackfillRollups(guardFields);
        if (!File.Exists(path))
        {
            return rollups;
        }

        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split('\t');
            if (parts.Length == guardFields.Count + 1)
            {
                rollups._newest[parts[0]] = [.. parts.Skip(1).Select(p => long.Parse(p, CultureInfo.InvariantCulture))];
            }
        }

        return rollups;
    }

    /// <summary>Writes the map to <paramref name="path"/> atomically (one tab-separated line per Account).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, Encoding.UTF8))
        {
            foreach (var (key, times) in _newest)
            {
                writer.Write(key);
                foreach (var time in times)
                {
                    writer.Write('\t');
                    writer.Write(time.ToString(CultureInfo.InvariantCulture));
                }

                writer.Write('\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }
}
