using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StripeSf.Salesforce.Query;

/// <summary>
/// SOQL literals and identifiers. Every value that reaches a query goes through <see cref="Literal(string?)"/>
/// (usually via <see cref="Query(ref SoqlInterpolatedStringHandler)"/>), so no raw value is ever concatenated.
/// </summary>
public static partial class Soql
{
    /// <summary>
    /// Builds a query from an interpolated string: the literal text is kept, every hole becomes an
    /// escaped literal (strings quoted, dates ISO 8601, lists as <c>('a','b')</c>) unless it is a
    /// <see cref="SoqlIdentifier"/>. Example: <c>Soql.Query($"SELECT Id FROM Account WHERE Stripe_Customer_Id__c = {id}")</c>.
    /// </summary>
    public static SoqlQuery Query(ref SoqlInterpolatedStringHandler handler) => new(handler.ToStringAndClear());

    /// <summary>A quoted, escaped string literal, or <c>null</c>.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\'' => builder.Append("\\'"),
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                // Everything outside printable ASCII (unicode quotes such as ’ and ＇, control characters,
                // line separators) goes as \uXXXX: SOQL accepts the escape, and no lexer, proxy or
                // normaliser on the way can turn a look-alike quote into a real one.
                < ' ' or > '~' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>A literal for LIKE: also escapes <c>%</c> and <c>_</c> so they match themselves.</summary>
    public static string LikeLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = Literal(value);
        return quoted.Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>A literal for any supported value: string, bool, number, DateTimeOffset/DateTime (UTC datetime), DateOnly (date), null.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Literal(s),
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d => DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind).ToUniversalTime()
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        int or long or short or byte or decimal or double or float or uint or ulong =>
            Convert.ToString(value, CultureInfo.InvariantCulture)!,
        SoqlIdentifier id => id.Name,
        System.Collections.IEnumerable items => "(" + string.Join(",", items.Cast<object?>().Select(Literal)) + ")",
        _ => throw new ArgumentException($"{value.GetType().Name} has no SOQL literal form", nameof(value)),
    };

    /// <summary>A checked field or object name (letters, digits, underscores, dotted relationship paths).</summary>
    public static SoqlIdentifier Identifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IdentifierPattern().IsMatch(name)
            ? new SoqlIdentifier(name)
            : throw new ArgumentException($"'{name}' is not a valid SOQL field or object name", nameof(name));
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex IdentifierPattern();
}
