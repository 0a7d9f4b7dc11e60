using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The org's state: records per type, issued tokens, API usage, the seeded random source.</summary>
internal sealed class LoopbackOrg(LoopbackSalesforceOptions options)
{
    private readonly Dictionary<string, LoopbackTable> tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random random = new(options.Seed);
    private long nextId;
    private long apiUsage = options.InitialApiUsage;

    public LoopbackSalesforceOptions Options { get; } = options;

    public LoopbackFaults Faults { get; } = new();

    public ConcurrentDictionary<string, bool> Tokens { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<LoopbackApiCall, int> Calls { get; } = new();

    public ConcurrentQueue<string> CallLog { get; } = new();

    /// <summary>Serialises every state change: the org is one big transaction log.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long ApiUsage => Interlocked.Read(ref apiUsage);

    public long SpendApiRequest() => Interlocked.Increment(ref apiUsage);

    public void SetApiUsage(long used) => Interlocked.Exchange(ref apiUsage, used);

    public bool Chance(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (random)
        {
            return random.NextDouble() < rate;
        }
    }

    public LoopbackObject? Schema(string type) => Options.Objects.GetValueOrDefault(type);

    public LoopbackTable Table(string type)
    {
        var name = Schema(type)?.Name ?? type;
        if (!tables.TryGetValue(name, out var table))
        {
            tables[name] = table = new LoopbackTable(name);
        }

        return table;
    }

    public IEnumerable<LoopbackTable> Tables => tables.Values;

    /// <summary>Finds a record by id in any table (ids carry their object's prefix, as in Salesforce).</summary>
    public (LoopbackTable Table, JsonObject Record)? FindById(string id)
    {
        foreach (var table in tables.Values)
        {
            if (table.Get(id) is { } record)
            {
                return (table, record);
            }
        }

        return null;
    }

    public string NewId(string type)
    {
        var prefix = Schema(type)?.IdPrefix ?? "a0Z";
        var n = Interlocked.Increment(ref nextId);
        var id15 = prefix + "LB" + n.ToString("D10", CultureInfo.InvariantCulture);
        return id15 + CaseSuffix(id15);
    }

    // Salesforce's 18-character ids end with three characters encoding which letters of each
    // 5-character chunk are upper case, so the product's id validation accepts loopback ids.
    private static string CaseSuffix(string id15)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
        var suffix = new char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = alphabet[bits];
        }

        return new string(suffix);
    }

    public string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
