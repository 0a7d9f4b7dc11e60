namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>A parsed SELECT: fields, object, condition, ordering, limit and offset.</summary>
internal sealed record SoqlStatement(
    IReadOnlyList<string> Fields,
    string From,
    SoqlCondition? Where,
    IReadOnlyList<SoqlOrder> OrderBy,
    int? Limit,
    int? Offset);

/// <summary>One ORDER BY entry.</summary>
internal sealed record SoqlOrder(string Field, bool Descending, bool NullsLast);

/// <summary>A WHERE condition tree.</summary>
internal abstract record SoqlCondition;

/// <summary>Both sides hold.</summary>
internal sealed record SoqlAnd(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

/// <summary>Either side holds.</summary>
internal sealed record SoqlOr(SoqlCondition Left, SoqlCondition Right) : SoqlCondition;

/// <summary>The inner condition does not hold.</summary>
internal sealed record SoqlNot(SoqlCondition Inner) : SoqlCondition;

/// <summary><c>field op value</c>, <c>field [NOT] IN (...)</c> or <c>field LIKE 'pattern'</c>.</summary>
internal sealed record SoqlComparison(string Field, string Operator, object? Value, IReadOnlyList<object?>? Values = null) : SoqlCondition;
