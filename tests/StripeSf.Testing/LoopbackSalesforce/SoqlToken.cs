namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>One lexical token of a SOQL statement; <see cref="Value"/> holds the decoded literal.</summary>
internal sealed record SoqlToken(SoqlTokenKind Kind, string Text, object? Value = null)
{
    public bool Is(string keyword) => Kind == SoqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Token kinds of the loopback SOQL lexer.</summary>
internal enum SoqlTokenKind
{
    Word,
    Literal,
    Symbol,
    End,
}
