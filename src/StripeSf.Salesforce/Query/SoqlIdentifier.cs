namespace StripeSf.Salesforce.Query;

/// <summary>A field or object name checked by <see cref="Soql.Identifier"/>; interpolated verbatim, never quoted.</summary>
public sealed record SoqlIdentifier(string Name)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
