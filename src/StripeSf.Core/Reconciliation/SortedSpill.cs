using System.Globalization;
using System.Text;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// An external sort of objects by a key (ordinal): at most <c>runSize</c> are held in memory; each
/// full run is sorted and written to a temporary file, and <see cref="Sorted"/> merges the runs. This
/// is what keeps a reconciliation's memory bounded whatever the day's volume: both sides are
/// sorted the same way and compared as a merge, never held whole. Dispose deletes the files.
/// </summary>
public sealed class SortedSpill : IDisposable
{
    /// <summary>Objects per run held in memory before spilling (≈ 10 MB).</summary>
    public const int DefaultRunSize = 50_000;

    private readonly int _runSize;
    private readonly List<(string Key, ReconciledObject Value)> _buffer = [];
    private readonly List<string> _runs = [];

    /// <summary>A spill holding at most <paramref name="runSize"/> objects in memory.</summary>
    public SortedSpill(int runSize = DefaultRunSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runSize, 1);
        _runSize = runSize;
    }

    /// <summary>Objects added.</summary>
    public long Count { get; private set; }

    /// <summary>Temporary files written so far (0 while everything fits in one run).</summary>
    public int RunFiles => _runs.Count;

    /// <summary>Adds <paramref name="value"/> under <paramref name="key"/>.</summary>
    public void Add(string key, ReconciledObject value)
    {
        _buffer.Add((key, value));
        Count++;
        if (_buffer.Count >= _runSize)
        {
            Spill();
        }
    }

    /// <summary>Everything added, by key (ordinal; equal keys in no particular order). Read once.</summary>
    public IEnumerable<(string Key, ReconciledObject Value)> Sorted()
    {
        _buffer.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        if (_runs.Count == 0)
        {
            foreach (var item in _buffer)
            {
                yield return item;
            }

            yield break;
        }

        Spill();
        var readers = _runs.Select(path => new StreamReader(path, Encoding.UTF8, false, 65_536)).ToList();
        try
        {
            var heads = new PriorityQueue<(int Run, string Key, ReconciledObject Value), string>(StringComparer.Ordinal);
            for (var i = 0; i < readers.Count; i++)
            {
                Next(readers, heads, i);
            }

            while (heads.TryDequeue(out var head, out _))
            {
                yield return (head.Key, head.Value);
                Next(readers, heads, head.Run);
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
        _buffer.Clear();
    }

    private static void Next(List<StreamReader> readers, PriorityQueue<(int, string, ReconciledObject), string> heads, int run)
    {
        if (readers[run].ReadLine() is { } line)
        {
            var (key, value) = Parse(line);
            heads.Enqueue((run, key, value), key);
        }
    }

    private void Spill()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        _buffer.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var path = Path.Combine(Path.GetTempPath(), $"stripesf-spill-{Guid.NewGuid():N}.tsv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 65_536))
        {
            foreach (var (key, o) in _buffer)
            {
                writer.Write(string.Join('\t', Clean(key), o.Type.ToString(), Clean(o.Id), o.Amount.ToString(CultureInfo.InvariantCulture), Clean(o.Currency), Clean(o.Status),
                    o.PaidAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "", Clean(o.RecordId ?? "")));
                writer.Write('\n');
            }
        }

        _runs.Add(path);
        _buffer.Clear();
    }

    private static (string, ReconciledObject) Parse(string line)
    {
        var f = line.Split('\t');
        DateTimeOffset? paidAt = f[6].Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[6], CultureInfo.InvariantCulture));
        var value = new ReconciledObject(f[2], Enum.Parse<ReconciledObjectType>(f[1]), decimal.Parse(f[3], CultureInfo.InvariantCulture), f[4], f[5], paidAt)
        {
            RecordId = f[7].Length == 0 ? null : f[7],
        };
        return (f[0], value);
    }

    // Stripe ids, currencies and statuses never hold tabs or line breaks; a stray one must not break the file.
    private static string Clean(string text) => text.Contains('\t', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
        ? text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ')
        : text;
}
