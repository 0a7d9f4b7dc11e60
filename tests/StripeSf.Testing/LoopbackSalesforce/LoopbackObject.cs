namespace StripeSf.Testing.LoopbackSalesforce;

/// <summary>
/// One sObject the loopback org knows: its id prefix, external-id (unique) fields, other writable
/// fields and read-only fields (formulas, roll-ups, system-set fields such as Lead.IsConverted) that
/// describe reports as not createable, and the values a new record gets when the write leaves them out.
/// </summary>
public sealed record LoopbackObject(
    string Name,
    string IdPrefix,
    IReadOnlyList<string> ExternalIdFields,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string>? ReadOnlyFields = null,
    IReadOnlyList<string>? RequiredOnCreate = null,
    IReadOnlyDictionary<string, bool>? Defaults = null)
{
    /// <summary>Fields every object has, which describe lists and writes may not set.</summary>
    public static readonly IReadOnlyList<string> SystemFields = ["Id", "CreatedDate", "LastModifiedDate", "SystemModstamp"];

    /// <summary>True when <paramref name="field"/> is one of this object's external-id fields.</summary>
    public bool IsExternalId(string field) => ExternalIdFields.Contains(field, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the object declares <paramref name="field"/> (writable, read-only or system).</summary>
    public bool HasField(string field) =>
        SystemFields.Concat(ExternalIdFields).Concat(Fields).Concat(ReadOnlyFields ?? [])
            .Contains(field, StringComparer.OrdinalIgnoreCase);
}
