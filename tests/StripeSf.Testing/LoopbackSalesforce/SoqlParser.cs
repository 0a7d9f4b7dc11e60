using System.Globalization;

namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// Parses the SOQL shapes the product uses: SELECT fields (including relationship paths such as
/// Account.OwnerId) FROM X [WHERE ... with =, !=, &lt;, &lt;=, &gt;, &gt;=, [NOT] IN, LIKE, AND, OR, NOT, parentheses]
/// [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n].
/// </summary>
internal sealed class SoqlParser
{
    private readonly List<SoqlToken> tokens;
    private int position;

    private SoqlParser(string soql) => tokens = SoqlLexer.Tokenize(soql);

    public static SoqlStatement Parse(string soql) => new SoqlParser(soql).Statement();

    private SoqlToken Peek => tokens[position];

    private SoqlStatement Statement()
    {
        Expect("SELECT");
        var fields = new List<string> { Word() };
        while (Accept(","))
        {
            fields.Add(Word());
        }

        Expect("FROM");
        var from = Word();
        SoqlCondition? where = null;
        if (AcceptKeyword("WHERE"))
        {
            where = Or();
        }

        var order = new List<SoqlOrder>();
        if (AcceptKeyword("ORDER"))
        {
            Expect("BY");
            do
            {
                var field = Word();
                var descending = AcceptKeyword("DESC");
                if (!descending)
                {
                    AcceptKeyword("ASC");
                }

                // Salesforce sorts nulls first by default, whatever the direction.
                var nullsLast = false;
                if (AcceptKeyword("NULLS"))
                {
                    nullsLast = AcceptKeyword("LAST");
                    if (!nullsLast)
                    {
                        Expect("FIRST");
                    }
                }

                order.Add(new SoqlOrder(field, descending, nullsLast));
            }
            while (Accept(","));
        }

        int? limit = AcceptKeyword("LIMIT") ? Integer() : null;
        int? offset = AcceptKeyword("OFFSET") ? Integer() : null;
        if (Peek.Kind != SoqlTokenKind.End)
        {
            throw new FormatException($"unexpected token '{Peek.Text}'");
        }

        return new SoqlStatement(fields, from, where, order, limit, offset);
    }

    private SoqlCondition Or()
    {
        var left = And();
        while (AcceptKeyword("OR"))
        {
            left = new SoqlOr(left, And());
        }

        return left;
    }

    private SoqlCondition And()
    {
        var left = Factor();
        while (AcceptKeyword("AND"))
        {
            left = new SoqlAnd(left, Factor());
        }

        return left;
    }

    private SoqlCondition Factor()
    {
        if (AcceptKeyword("NOT"))
        {
            return new SoqlNot(Factor());
        }

        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        var field = Word();
        if (AcceptKeyword("NOT"))
        {
            Expect("IN");
            return new SoqlComparison(field, "NOT IN", null, List());
        }

        if (AcceptKeyword("IN"))
        {
            return new SoqlComparison(field, "IN", null, List());
        }

        if (AcceptKeyword("LIKE"))
        {
            return new SoqlComparison(field, "LIKE", Literal());
        }

        var op = Peek.Kind == SoqlTokenKind.Symbol && Peek.Text is "=" or "!=" or "<>" or "<" or "<=" or ">" or ">="
            ? tokens[position++].Text
            : throw new FormatException($"expected an operator after {field}, found '{Peek.Text}'");
        return new SoqlComparison(field, op == "<>" ? "!=" : op, Literal());
    }

    private List<object?> List()
    {
        Expect("(");
        var values = new List<object?> { Literal() };
        while (Accept(","))
        {
            values.Add(Literal());
        }

        Expect(")");
        return values;
    }

    private object? Literal() =>
        Peek.Kind == SoqlTokenKind.Literal
            ? tokens[position++].Value
            : throw new FormatException($"expected a literal, found '{Peek.Text}' (values must be quoted and escaped)");

    private string Word() =>
        Peek.Kind == SoqlTokenKind.Word ? tokens[position++].Text : throw new FormatException($"expected a name, found '{Peek.Text}'");

    private int Integer() =>
        Peek.Value is decimal ? (int)(decimal)tokens[position++].Value! : throw new FormatException($"expected a number, found '{Peek.Text}'");

    private bool Accept(string symbol)
    {
        if (Peek.Kind == SoqlTokenKind.Symbol && Peek.Text == symbol)
        {
            position++;
            return true;
        }

        return false;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (Peek.Is(keyword))
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token) && !AcceptKeyword(token))
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"expected {token} at token {position}, found '{Peek.Text}'"));
        }
    }
}
