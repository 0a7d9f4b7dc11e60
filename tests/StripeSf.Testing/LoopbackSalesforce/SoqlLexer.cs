using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>Splits SOQL into tokens, decoding string escapes exactly as Salesforce documents them.</summary>
internal static partial class SoqlLexer
{
    public static List<SoqlToken> Tokenize(string soql)
    {
        var tokens = new List<SoqlToken>();
        var i = 0;
        while (i < soql.Length)
        {
            var c = soql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Literal, "string", ReadString(soql, ref i)));
            }
            else if ("(),".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, c.ToString()));
                i++;
            }
            else if ("=!<>".Contains(c, StringComparison.Ordinal))
            {
                var op = i + 1 < soql.Length && (soql[i + 1] == '=' || (c == '<' && soql[i + 1] == '>')) ? soql.Substring(i, 2) : c.ToString();
                tokens.Add(new SoqlToken(SoqlTokenKind.Symbol, op));
                i += op.Length;
            }
            else
            {
                var start = i;
                while (i < soql.Length && (char.IsLetterOrDigit(soql[i]) || "_.:+-".Contains(soql[i], StringComparison.Ordinal)))
                {
                    i++;
                }

                if (i == start)
                {
                    throw new FormatException($"unexpected token '{c}' at {i}");
                }

                tokens.Add(Word(soql[start..i]));
            }
        }

        tokens.Add(new SoqlToken(SoqlTokenKind.End, string.Empty));
        return tokens;
    }

    private static SoqlToken Word(string text)
    {
        if (DateTimeLiteral().IsMatch(text))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }

        if (DateLiteral().IsMatch(text))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && (char.IsDigit(text[0]) || text[0] == '-'))
        {
            return new SoqlToken(SoqlTokenKind.Literal, text, number);
        }

        return text.ToUpperInvariant() switch
        {
            "TRUE" => new SoqlToken(SoqlTokenKind.Literal, text, true),
            "FALSE" => new SoqlToken(SoqlTokenKind.Literal, text, false),
            "NULL" => new SoqlToken(SoqlTokenKind.Literal, text, null),
            _ => new SoqlToken(SoqlTokenKind.Word, text),
        };
    }

    private static string ReadString(string soql, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (true)
        {
            if (i >= soql.Length)
            {
                throw new FormatException("unterminated string literal");
            }

            var c = soql[i++];
            if (c == '\'')
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var e = soql[i++];
            switch (e)
            {
                case 'n' or 'N': builder.Append('\n'); break;
                case 'r' or 'R': builder.Append('\r'); break;
                case 't' or 'T': builder.Append('\t'); break;
                case 'b' or 'B': builder.Append('\b'); break;
                case 'f' or 'F': builder.Append('\f'); break;
                case '"' or '\'' or '\\': builder.Append(e); break;
                // Kept escaped: only LIKE gives \% and \_ meaning.
                case '%' or '_': builder.Append('\\').Append(e); break;
                case 'u':
                    builder.Append((char)int.Parse(soql.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: throw new FormatException($"invalid escape \\{e}");
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex DateTimeLiteral();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateLiteral();
}
