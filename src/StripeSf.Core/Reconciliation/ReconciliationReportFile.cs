using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StripeSf.Core.Reconciliation;

/// <summary>
/// The machine-readable report: JSON
/// <c>{"window":{"from","to"},"discrepancies":[{"class","stripeId","salesforceId","currency","stripeAmount","salesforceAmount","detail"}],"totals":[{"currency","stripe","salesforce"}]}</c>,
/// or CSV (one row per discrepancy, the same columns) when the file name ends in <c>.csv</c>.
/// Streamed from the run's spool, so a report of any size is written with bounded memory.
/// </summary>
public static class ReconciliationReportFile
{
    /// <summary>True when <paramref name="path"/> asks for CSV (by its extension); JSON otherwise.</summary>
    public static bool IsCsv(string path) => string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/> (JSON, or CSV by the extension), every discrepancy.</summary>
    public static async Task WriteAsync(ReconciliationReport report, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65_536, useAsync: true);
        if (IsCsv(path))
        {
            await WriteCsvAsync(report, file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteJsonAsync(report, file, int.MaxValue, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The JSON report, listing at most <paramref name="maxDiscrepancies"/> discrepancies.</summary>
    public static async Task WriteJsonAsync(ReconciliationReport report, Stream target, int maxDiscrepancies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var writer = new StreamWriter(target, new UTF8Encoding(false), 65_536, leaveOpen: true);
        await writer.WriteAsync($"{{\"window\":{{\"from\":{Quote(Stamp(report.Window.Start))},\"to\":{Quote(Stamp(report.Window.End))}}},\"discrepancies\":[").ConfigureAwait(false);
        var first = true;
        foreach (var entry in Entries(report, maxDiscrepancies))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(first ? "\n" : ",\n").ConfigureAwait(false);
            await writer.WriteAsync(entry).ConfigureAwait(false);
            first = false;
        }

        await writer.WriteAsync("],\"totals\":[").ConfigureAwait(false);
        first = true;
        foreach (var currency in report.StripeTotals.Keys.Union(report.SalesforceTotals.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var stripe = report.StripeTotals.GetValueOrDefault(currency).ToString(CultureInfo.InvariantCulture);
            var salesforce = report.SalesforceTotals.GetValueOrDefault(currency).ToString(CultureInfo.InvariantCulture);
            await writer.WriteAsync($"{(first ? "" : ",")}{{\"currency\":{Quote(currency)},\"stripe\":{stripe},\"salesforce\":{salesforce}}}").ConfigureAwait(false);
            first = false;
        }

        await writer.WriteAsync("]}\n").ConfigureAwait(false);
    }

    /// <summary>The CSV report: a header, then one row per discrepancy (RFC 4180 quoting).</summary>
    public static async Task WriteCsvAsync(ReconciliationReport report, Stream target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] columns = ["class", "stripeId", "salesforceId", "currency", "stripeAmount", "salesforceAmount", "detail"];
        await using var writer = new StreamWriter(target, new UTF8Encoding(false), 65_536, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', columns) + "\r\n").ConfigureAwait(false);
        foreach (var entry in Entries(report, int.MaxValue))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var row = JsonDocument.Parse(entry);
            await writer.WriteAsync(string.Join(',', columns.Select(c => Csv(row.RootElement.GetProperty(c)))) + "\r\n").ConfigureAwait(false);
        }
    }

    private static IEnumerable<string> Entries(ReconciliationReport report, int max) =>
        report.Entries?.Entries(max) ?? report.Discrepancies.Take(max).Select(DiscrepancyLog.Entry);

    private static string Csv(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => value.GetString()!,
            _ => value.GetRawText(),
        };
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
