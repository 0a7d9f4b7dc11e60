using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>query?q= and query/{locator}-{offset}: runs SOQL and pages results through nextRecordsUrl.</summary>
internal sealed class LoopbackQueryApi(LoopbackOrg org)
{
    private readonly ConcurrentDictionary<string, (List<JsonObject> Rows, Func<JsonObject, JsonObject> Project)> cursors = new(StringComparer.Ordinal);
    private readonly SoqlEvaluator evaluator = new(org);
    private int nextCursor;

    public LoopbackResult Query(string version, string soql)
    {
        (List<JsonObject> Rows, Func<JsonObject, JsonObject> Project) rows;
        try
        {
            rows = evaluator.Select(SoqlParser.Parse(soql), version);
        }
        catch (SoqlObjectException ex)
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALID_TYPE", ex.Message));
        }
        catch (FormatException ex)
        {
            return LoopbackResult.Error(400, new LoopbackError("MALFORMED_QUERY", ex.Message));
        }

        var locator = "01gLB" + Interlocked.Increment(ref nextCursor).ToString("D13", CultureInfo.InvariantCulture);
        cursors[locator] = rows;
        return Page(version, locator, 0);
    }

    public LoopbackResult More(string version, string locatorAndOffset)
    {
        var dash = locatorAndOffset.LastIndexOf('-');
        if (dash < 0 || !cursors.ContainsKey(locatorAndOffset[..dash])
            || !int.TryParse(locatorAndOffset[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return LoopbackResult.Error(400, new LoopbackError("INVALID_QUERY_LOCATOR", "invalid query locator"));
        }

        return Page(version, locatorAndOffset[..dash], offset);
    }

    private LoopbackResult Page(string version, string locator, int offset)
    {
        var (rows, project) = cursors[locator];
        var size = Math.Max(1, org.Options.QueryPageSize);
        // Projected page by page: a cursor over 10^6 rows holds references, not copies.
        var page = rows.Skip(offset).Take(size).Select(r => (JsonNode)project(r)).ToArray();
        var done = offset + size >= rows.Count;
        var body = new JsonObject { ["totalSize"] = rows.Count, ["done"] = done };
        if (!done)
        {
            body["nextRecordsUrl"] = $"/services/data/v{version}/query/{locator}-{offset + size}";
        }
        else
        {
            cursors.TryRemove(locator, out _);
        }

        body["records"] = new JsonArray(page);
        return new LoopbackResult(200, body);
    }
}
