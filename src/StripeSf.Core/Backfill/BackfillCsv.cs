using System.Text;

namespace StripeSf.Core.Backfill;

/// <summary>Bulk API 2.0 CSV (RFC 4180, LF line endings): the union of the rows' columns, the external id first; an empty cell leaves a field alone.</summary>
public static class BackfillCsv
{
    /// <summary>The CSV of <paramref name="rows"/> (all of one job).</summary>
    public static string Write(IReadOnlyList<BackfillRow> rows)
    {
        var first = rows[0].ExternalIdField;
        var columns = rows.SelectMany(r => r.Cells.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(c => c == first ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Escape)).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => Escape(row.Cells.GetValueOrDefault(c, "")))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>Parses CSV text into rows of cells (quoted cells may hold commas, quotes and newlines).</summary>
    public static List<string[]> Read(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>One cell, quoted when it must be.</summary>
    public static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
