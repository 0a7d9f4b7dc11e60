using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The records of one sObject type, with indexes on the fields looked up by value.</summary>
internal sealed class LoopbackTable(string name)
{
    private readonly Dictionary<string, JsonObject> rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> indexes = new(StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;

    public IEnumerable<JsonObject> Rows => rows.Values;

    public int Count => rows.Count;

    public JsonObject? Get(string id) => rows.GetValueOrDefault(id);

    /// <summary>Ids whose <paramref name="field"/> equals <paramref name="value"/> (case-insensitive, as external ids are by default).</summary>
    public IReadOnlyCollection<string> Find(string field, string value)
    {
        var index = IndexOf(field);
        return index.TryGetValue(value, out var ids) ? ids : [];
    }

    public void Put(string id, JsonObject record)
    {
        if (rows.TryGetValue(id, out var old))
        {
            Unindex(id, old);
        }

        rows[id] = record;
        foreach (var (field, index) in indexes)
        {
            if (Key(record[field]) is { } key)
            {
                Add(index, key, id);
            }
        }
    }

    public void Remove(string id)
    {
        if (rows.Remove(id, out var old))
        {
            Unindex(id, old);
        }
    }

    private Dictionary<string, HashSet<string>> IndexOf(string field)
    {
        if (!indexes.TryGetValue(field, out var index))
        {
            index = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (id, record) in rows)
            {
                if (Key(record[field]) is { } key)
                {
                    Add(index, key, id);
                }
            }

            indexes[field] = index;
        }

        return index;
    }

    private void Unindex(string id, JsonObject record)
    {
        foreach (var (field, index) in indexes)
        {
            if (Key(record[field]) is { } key && index.TryGetValue(key, out var ids))
            {
                ids.Remove(id);
            }
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string id)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(id);
    }

    private static string? Key(JsonNode? node) => node is JsonValue value ? value.ToString() : null;
}
