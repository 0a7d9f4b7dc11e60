namespace StripeSf.Salesforce.Configuration;

/// <summary>Undoes what app settings do to multi-line PEM text.</summary>
internal static class PemText
{
    // Portal app settings and Key Vault secrets pasted from a terminal often carry the line breaks
    // as a literal backslash-n; the PEM reader needs real ones.
    public static string Normalize(string pem) => pem.Replace("\\n", "\n", StringComparison.Ordinal).Trim();
}
