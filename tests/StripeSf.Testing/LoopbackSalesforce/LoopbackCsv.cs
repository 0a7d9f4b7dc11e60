using System.Text;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>RFC 4180 CSV as Bulk API 2.0 reads and writes it (double quotes, doubled to escape).</summary>
public static class LoopbackCsv
{
    /// <summary>Parses CSV text into rows of fields.</summary>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>Writes one row, quoting every field.</summary>
    public static string Row(IEnumerable<string> fields) =>
        string.Join(",", fields.Select(f => "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
