using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>Evaluates parsed SOQL against the org's records, resolving relationship paths through lookup ids.</summary>
internal sealed class SoqlEvaluator(LoopbackOrg org)
{
    public List<JsonObject> Run(SoqlStatement statement, string version)
    {
        var (rows, project) = Select(statement, version);
        return rows.Select(project).ToList();
    }

    /// <summary>
    /// The matching records (the stored ones, in result order) and the projection of one into the
    /// answer's shape, so a cursor can project page by page instead of copying the whole result.
    /// </summary>
    public (List<JsonObject> Rows, Func<JsonObject, JsonObject> Project) Select(SoqlStatement statement, string version)
    {
        if (org.Schema(statement.From) is not { } schema)
        {
            throw new SoqlObjectException(statement.From);
        }

        var table = org.Table(statement.From);
        IEnumerable<JsonObject> rows = Candidates(table, schema, statement.Where).Where(r => statement.Where is null || Matches(statement.Where, r));
        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var order in statement.OrderBy)
        {
            var comparer = Comparer<JsonObject>.Create((a, b) => CompareForSort(Value(a, order.Field), Value(b, order.Field), order));
            ordered = ordered is null ? rows.Order(comparer) : ordered.ThenBy(r => r, comparer);
        }

        rows = ordered ?? rows;
        if (statement.Offset is { } offset)
        {
            rows = rows.Skip(offset);
        }

        if (statement.Limit is { } limit)
        {
            rows = rows.Take(limit);
        }

        return (rows.ToList(), r => Project(r, table.Name, statement.Fields, version));
    }

    // An external id is indexed, as in Salesforce: "Key IN (...)" (alone or first in an AND) reads the
    // index instead of every row (reconciliation looks 10^5 ids up in a table of 10^6); the full
    // condition is still applied to what it finds. Rows come in the order of the values.
    private static IEnumerable<JsonObject> Candidates(LoopbackTable table, LoopbackObject schema, SoqlCondition? where)
    {
        var key = where is SoqlAnd and ? and.Left : where;
        if (key is SoqlComparison { Operator: "IN", Values: { } values } c && schema.IsExternalId(c.Field) && !c.Field.Contains('.', StringComparison.Ordinal))
        {
            return values.OfType<string>().SelectMany(v => table.Find(c.Field, v)).Distinct(StringComparer.Ordinal).Select(id => table.Get(id)).OfType<JsonObject>();
        }

        return table.Rows;
    }

    private JsonObject Project(JsonObject record, string type, IReadOnlyList<string> fields, string version)
    {
        var id = record["Id"]!.ToString();
        var result = new JsonObject { ["attributes"] = LoopbackRecordsApi.Attributes(version, type, id) };
        foreach (var field in fields)
        {
            var parts = field.Split('.');
            if (parts.Length == 1)
            {
                result[Canonical(record, field)] = record[Canonical(record, field)]?.DeepClone();
                continue;
            }

            // Relationship path: one level (Account.OwnerId) is what the product reads.
            var parent = Parent(record, parts[0]);
            if (parent is null)
            {
                result[parts[0]] = null;
                continue;
            }

            var nested = result[parts[0]] as JsonObject;
            if (nested is null)
            {
                nested = new JsonObject { ["attributes"] = LoopbackRecordsApi.Attributes(version, parent.Value.Table.Name, parent.Value.Record["Id"]!.ToString()) };
                result[parts[0]] = nested;
            }

            nested[parts[1]] = parent.Value.Record[parts[1]]?.DeepClone();
        }

        return result;
    }

    private bool Matches(SoqlCondition condition, JsonObject record) => condition switch
    {
        SoqlAnd and => Matches(and.Left, record) && Matches(and.Right, record),
        SoqlOr or => Matches(or.Left, record) || Matches(or.Right, record),
        SoqlNot not => !Matches(not.Inner, record),
        SoqlComparison { Operator: "IN" } c => c.Values!.Any(v => Compare(Value(record, c.Field), v) == 0),
        SoqlComparison { Operator: "NOT IN" } c => c.Values!.All(v => Compare(Value(record, c.Field), v) != 0),
        SoqlComparison { Operator: "LIKE" } c => Like(Value(record, c.Field), c.Value as string ?? string.Empty),
        SoqlComparison c => Test(c.Operator, Value(record, c.Field), c.Value),
        _ => throw new FormatException("unsupported condition"),
    };

    private static bool Test(string op, JsonNode? field, object? literal)
    {
        if (literal is null || field is null)
        {
            // SOQL: = null matches missing values, != null present ones; ordering against null never matches.
            return op switch
            {
                "=" => field is null && literal is null,
                "!=" => (field is null) != (literal is null),
                _ => false,
            };
        }

        var cmp = Compare(field, literal);
        return op switch
        {
            "=" => cmp == 0,
            "!=" => cmp != 0,
            "<" => cmp < 0,
            "<=" => cmp <= 0,
            ">" => cmp > 0,
            ">=" => cmp >= 0,
            _ => false,
        };
    }

    private static int Compare(JsonNode? field, object? literal)
    {
        if (field is null || literal is null)
        {
            return field is null && literal is null ? 0 : field is null ? -1 : 1;
        }

        var text = field is JsonValue v && v.TryGetValue<string>(out var s) ? s : field.ToJsonString();
        return literal switch
        {
            // Text comparisons in SOQL are case-insensitive.
            string l => string.Compare(text, l, StringComparison.OrdinalIgnoreCase),
            decimal d => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n.CompareTo(d) : 1,
            bool b => (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)).CompareTo(b),
            DateTimeOffset t => Instant(text)?.CompareTo(t) ?? 1,
            DateOnly date => Instant(text) is { } i ? DateOnly.FromDateTime(i.UtcDateTime).CompareTo(date) : 1,
            _ => 1,
        };
    }

    private static int CompareForSort(JsonNode? a, JsonNode? b, SoqlOrder order)
    {
        if (a is null || b is null)
        {
            if (a is null && b is null)
            {
                return 0;
            }

            var nullFirst = a is null ? -1 : 1;
            return order.NullsLast ? -nullFirst : nullFirst;
        }

        var literal = b is JsonValue bv && bv.TryGetValue<string>(out var bs)
            ? (Instant(bs) is { } bi && bs.Length >= 10 && char.IsDigit(bs[0]) ? bi : bs)
            : decimal.TryParse(b.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bn) ? bn : (object)b.ToJsonString();
        var cmp = Compare(a, literal);
        return order.Descending ? -cmp : cmp;
    }

    private static bool Like(JsonNode? field, string pattern)
    {
        if (field is null)
        {
            return false;
        }

        var regex = "^" + Regex.Replace(pattern, @"\\%|\\_|%|_|[^%_\\]+|\\", m => m.Value switch
        {
            "\\%" => "%",
            "\\_" => "_",
            "%" => ".*",
            "_" => ".",
            _ => Regex.Escape(m.Value),
        }) + "$";
        return Regex.IsMatch(field.ToString(), regex, RegexOptions.IgnoreCase | RegexOptions.Singleline);
    }

    private JsonNode? Value(JsonObject record, string field)
    {
        var parts = field.Split('.');
        if (parts.Length == 1)
        {
            return record[Canonical(record, field)];
        }

        return Parent(record, parts[0])?.Record[parts[1]];
    }

    private (LoopbackTable Table, JsonObject Record)? Parent(JsonObject record, string relationship)
    {
        // Standard lookups: Account -> AccountId, What -> WhatId; custom: Account__r -> Account__c.
        var lookup = relationship.EndsWith("__r", StringComparison.OrdinalIgnoreCase)
            ? relationship[..^3] + "__c"
            : relationship + "Id";
        return record[Canonical(record, lookup)] is JsonValue id && id.ToString() is { Length: > 0 } text ? org.FindById(text) : null;
    }

    private static string Canonical(JsonObject record, string field) =>
        record.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)).Key ?? field;

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
}
