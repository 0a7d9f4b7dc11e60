using System.Text;
using System.Text.Json;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// Every discrepancy of a run with memory bounded whatever their number: counts and amounts per
/// class, the first <c>maxListed</c> kept (the Case, the CLI, the notification), and all of them
/// spooled to a temporary file, one report entry (JSON) per line, for the report file. Dispose deletes the spool.
/// </summary>
public sealed class DiscrepancyLog : IDisposable
{
    private readonly int _maxListed;
    private readonly List<Discrepancy> _listed = [];
    private readonly Dictionary<DiscrepancyKind, (int Count, decimal Amount)> _tally = [];
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"stripesf-reconcile-{Guid.NewGuid():N}.jsonl");
    private readonly StreamWriter _spool;
    private readonly SortedSpill _missing = new();

    /// <summary>A log that keeps the first <paramref name="maxListed"/> discrepancies in memory.</summary>
    public DiscrepancyLog(int maxListed)
    {
        _maxListed = maxListed;
        _spool = new StreamWriter(new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 65_536), new UTF8Encoding(false));
    }

    /// <summary>Discrepancies found so far.</summary>
    public int Total { get; private set; }

    /// <summary>The first discrepancies found (at most <c>maxListed</c>).</summary>
    public IReadOnlyList<Discrepancy> Listed => _listed;

    /// <summary>Count and amount per class (classes without discrepancies absent).</summary>
    public IReadOnlyDictionary<DiscrepancyKind, (int Count, decimal Amount)> Tally => _tally;

    /// <summary>Counts <paramref name="discrepancy"/>, lists it while there is room, spools it.</summary>
    public void Add(Discrepancy discrepancy)
    {
        Total++;
        var (count, amount) = _tally.GetValueOrDefault(discrepancy.Kind);
        _tally[discrepancy.Kind] = (count + 1, amount + discrepancy.Amount);
        if (_listed.Count < _maxListed)
        {
            _listed.Add(discrepancy);
        }

        _spool.WriteLine(Entry(discrepancy));
        if (discrepancy is { Kind: DiscrepancyKind.Missing, Stripe: { Type: ReconciledObjectType.Charge or ReconciledObjectType.Invoice } missing })
        {
            _missing.Add(missing.Id, missing);
        }
    }

    /// <summary>Charges and invoices missing in Salesforce (what repair can re-send).</summary>
    public long MissingPayments => _missing.Count;

    /// <summary>The missing charges and invoices, by id (read once).</summary>
    internal IEnumerable<ReconciledObject> MissingPaymentsSorted() => _missing.Sorted().Select(m => m.Value);

    /// <summary>Replaces listed discrepancies (repair notes); the spool keeps what was found.</summary>
    internal void ReplaceListed(Func<Discrepancy, Discrepancy> update)
    {
        for (var i = 0; i < _listed.Count; i++)
        {
            _listed[i] = update(_listed[i]);
        }
    }

    /// <summary>The spooled report entries (JSON objects, one per line), in the order found, at most <paramref name="max"/>.</summary>
    public IEnumerable<string> Entries(int max = int.MaxValue)
    {
        _spool.Flush();
        using var reader = new StreamReader(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 65_536), Encoding.UTF8);
        var n = 0;
        while (n++ < max && reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _spool.Dispose();
        _missing.Dispose();
        File.Delete(_path);
    }

    /// <summary>One report entry: class, stripeId, salesforceId, currency, stripeAmount, salesforceAmount, detail.</summary>
    public static string Entry(Discrepancy d)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("class", DiscrepancyClass.Name(d.Kind));
            json.WriteString("stripeId", d.Id);
            Nullable(json, "salesforceId", d.Salesforce?.RecordId);
            json.WriteString("currency", d.Currency);
            Amount(json, "stripeAmount", d.Stripe);
            Amount(json, "salesforceAmount", d.Salesforce);
            json.WriteString("detail", d.Detail);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Amount(Utf8JsonWriter json, string name, ReconciledObject? side)
    {
        if (side is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteNumber(name, side.Amount);
        }
    }
}
