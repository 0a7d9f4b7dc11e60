namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>The FROM object is not in the org (Salesforce answers INVALID_TYPE).</summary>
internal sealed class SoqlObjectException(string type) : Exception($"sObject type '{type}' is not supported.")
{
    public string Type { get; } = type;
}
