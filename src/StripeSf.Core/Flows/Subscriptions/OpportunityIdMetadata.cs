using StripeSf.Core.Processing;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Finds the Salesforce Opportunity id that sales put in Stripe metadata to have the deal closed, and
/// refuses anything that is not one: writing Closed Won to the wrong record is worse than not writing.
/// </summary>
internal static class OpportunityIdMetadata
{
    private const string OpportunityPrefix = "006";
    private const string ChecksumAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>
    /// The first non-blank value of <paramref name="key"/> in <paramref name="sources"/> (most specific
    /// first: the event's own object, then an expanded customer); null when none has it.
    /// </summary>
    /// <exception cref="UnmappableEventException">The value is not a 15/18-character Opportunity id.</exception>
    public static string? Find(string key, string stripeObject, params IReadOnlyDictionary<string, string>[] sources)
    {
        foreach (var metadata in sources)
        {
            if (metadata.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                var id = value.Trim();
                return IsOpportunityId(id) ? id : throw new UnmappableEventException(
                    $"{stripeObject}: metadata '{key}' is '{value}', which is not a Salesforce Opportunity id (15 or 18 letters/digits starting with {OpportunityPrefix}); fix the metadata in Stripe and replay the event");
            }
        }

        return null;
    }

    /// <summary>True for a 15- or 18-character id with the Opportunity key prefix (and, for 18, a matching case-safe suffix).</summary>
    public static bool IsOpportunityId(string id)
    {
        if (id.Length is not (15 or 18) || !id.All(char.IsAsciiLetterOrDigit) || !id.StartsWith(OpportunityPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        return id.Length == 15 || string.Equals(Suffix(id[..15]), id[15..], StringComparison.OrdinalIgnoreCase);
    }

    // The 18-character form appends one character per 5-character chunk encoding which of its
    // letters are upper case; checking it catches a mistyped or case-mangled id.
    private static string Suffix(string id15)
    {
        var suffix = new char[3];
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                if (char.IsAsciiLetterUpper(id15[(chunk * 5) + i]))
                {
                    bits |= 1 << i;
                }
            }

            suffix[chunk] = ChecksumAlphabet[bits];
        }

        return new string(suffix);
    }
}
