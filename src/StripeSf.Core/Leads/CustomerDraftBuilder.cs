using System.Security.Cryptography;
using System.Text;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Leads;

/// <summary>Turns a Lead into its <see cref="CustomerDraft"/> through <c>Mapping__LeadSync__Fields</c>.</summary>
public static class CustomerDraftBuilder
{
    /// <summary>The Stripe customer fields a mapping may name (besides <c>metadata.&lt;key&gt;</c>).</summary>
    public static readonly IReadOnlySet<string> CustomerFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "email", "name", "phone", "business_name", "individual_name", "description",
    };

    /// <summary>The draft; the Lead id always goes in metadata under <see cref="LeadSyncMap.LeadIdMetadataKey"/>.</summary>
    public static CustomerDraft Build(LeadRecord lead, LeadSyncMap map)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(map);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stripeField, leadFields) in map.Fields)
        {
            if (string.IsNullOrWhiteSpace(leadFields))
            {
                continue;
            }

            var parts = LeadFields(leadFields).Select(lead.Text).Where(t => t is not null);
            values[stripeField] = string.Join(' ', parts);
        }

        values["metadata." + map.LeadIdMetadataKey] = lead.Id;
        var canonical = new StringBuilder(lead.Id);
        foreach (var (key, value) in values)
        {
            canonical.Append('\n').Append(key).Append('=').Append(value.Replace("\n", "\\n", StringComparison.Ordinal));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())).AsSpan(0, 16));
        return new CustomerDraft(lead.Id, [.. values], hash);
    }

    /// <summary>The Lead fields one mapping value names.</summary>
    public static IEnumerable<string> LeadFields(string mapping) =>
        (mapping ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Null when every key of the mapping is a customer field or <c>metadata.&lt;key&gt;</c>; otherwise what is wrong, naming the setting.</summary>
    public static string? Problem(LeadSyncMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var unknown = map.Fields.Keys.Where(k => !CustomerFields.Contains(k) && !(k.StartsWith("metadata.", StringComparison.Ordinal) && k.Length > "metadata.".Length)).ToArray();
        return unknown.Length == 0
            ? null
            : $"Mapping__LeadSync__Fields: {string.Join(", ", unknown)} is not a Stripe customer field (use {string.Join(", ", CustomerFields.Order(StringComparer.Ordinal))} or metadata.<key>)";
    }
}
