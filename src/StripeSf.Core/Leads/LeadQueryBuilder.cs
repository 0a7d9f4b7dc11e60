using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Leads;

/// <summary>
/// The SOQL that reads the Leads to sync: not converted, the sync checkbox set, changed at or after a
/// time, in a stable order (change time, then Id). Every name is a checked identifier and the time an
/// escaped literal.
/// </summary>
public static class LeadQueryBuilder
{
    /// <summary>
    /// The query from <paramref name="since"/> (inclusive: SOQL datetimes have whole seconds, so the
    /// watermark's second is read again; re-reading a Lead that did not change costs nothing).
    /// </summary>
    public static SoqlQuery Build(LeadSyncMap map, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(map);
        var fields = new SoqlIdentifier(string.Join(", ", Fields(map).Select(f => Soql.Identifier(f).Name)));
        var modstamp = Soql.Identifier(map.Modstamp);
        var from = Soql.Identifier(map.Object);
        var converted = Soql.Identifier(map.IsConverted);
        var floor = new DateTimeOffset(since.UtcTicks - (since.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return string.IsNullOrWhiteSpace(map.SyncFlag)
            ? Soql.Query($"SELECT {fields} FROM {from} WHERE {converted} = false AND {modstamp} >= {floor} ORDER BY {modstamp}, Id")
            : Soql.Query($"SELECT {fields} FROM {from} WHERE {converted} = false AND {Soql.Identifier(map.SyncFlag)} = true AND {modstamp} >= {floor} ORDER BY {modstamp}, Id");
    }

    /// <summary>Every Lead field the sync reads: its own bookkeeping and the mapped ones, each once.</summary>
    public static IReadOnlyList<string> Fields(LeadSyncMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var names = new List<string> { "Id", map.Modstamp, map.CustomerId, map.Status, map.Fingerprint, map.Email, map.LastName, map.Company };
        names.AddRange(map.Fields.Values.SelectMany(CustomerDraftBuilder.LeadFields));
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
