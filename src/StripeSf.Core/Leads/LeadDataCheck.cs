using System.Text.RegularExpressions;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Leads;

/// <summary>The data a Lead needs before it can become a Stripe customer; the reasons are written on the Lead for an admin to report on.</summary>
public static partial class LeadDataCheck
{
    /// <summary>Null when the Lead can sync; otherwise every reason, readable, joined by "; ".</summary>
    public static string? Problem(LeadRecord lead, LeadSyncMap map)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(map);
        var reasons = new List<string>();
        var email = lead.Text(map.Email);
        if (email is null)
        {
            reasons.Add($"No email ({map.Email}): the Stripe customer is found again by it");
        }
        else if (email.Length > 512 || !EmailPattern().IsMatch(email))
        {
            reasons.Add($"Invalid email '{(email.Length > 80 ? email[..80] + "…" : email)}' ({map.Email})");
        }

        if (lead.Text(map.LastName) is null)
        {
            reasons.Add($"No last name ({map.LastName})");
        }

        if (lead.Text(map.Company) is null)
        {
            reasons.Add($"No company ({map.Company})");
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    // One @, a dot in the domain, no spaces: what Stripe accepts, without guessing at RFC 5322 corners.
    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
