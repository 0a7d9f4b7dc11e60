namespace StripeSf.Salesforce.Query;

/// <summary>A SOQL statement whose values were all escaped on the way in (build it with <see cref="Soql.Query"/>).</summary>
public sealed record SoqlQuery
{
    internal SoqlQuery(string text) => Text = text;

    /// <summary>The statement text.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
