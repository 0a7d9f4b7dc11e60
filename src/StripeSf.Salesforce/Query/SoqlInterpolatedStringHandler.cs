using System.Runtime.CompilerServices;
using System.Text;

namespace StripeSf.Salesforce.Query;

/// <summary>Makes <c>Soql.Query($"... {value}")</c> escape every hole as a SOQL literal.</summary>
[InterpolatedStringHandler]
public ref struct SoqlInterpolatedStringHandler
{
    private readonly StringBuilder builder;

    /// <summary>Called by the compiler.</summary>
    public SoqlInterpolatedStringHandler(int literalLength, int formattedCount) =>
        builder = new StringBuilder(literalLength + (formattedCount * 16));

    /// <summary>Appends the query's own text.</summary>
    public readonly void AppendLiteral(string value) => builder.Append(value);

    /// <summary>Appends a value as an escaped literal (identifiers verbatim).</summary>
    public readonly void AppendFormatted<T>(T value) => builder.Append(Soql.Literal(value));

    internal readonly string ToStringAndClear()
    {
        var text = builder.ToString();
        builder.Clear();
        return text;
    }
}
