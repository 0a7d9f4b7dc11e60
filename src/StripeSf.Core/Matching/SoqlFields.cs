using StripeSf.Salesforce.Query;

namespace StripeSf.Core.Matching;

/// <summary>A SELECT list of checked field names (each through <see cref="Soql.Identifier"/>).</summary>
internal static class SoqlFields
{
    /// <summary>The names joined by commas, each checked.</summary>
    public static SoqlIdentifier Of(params string[] names) => new(string.Join(", ", names.Select(n => Soql.Identifier(n).Name)));
}
