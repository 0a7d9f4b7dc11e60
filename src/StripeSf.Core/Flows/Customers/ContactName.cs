namespace StripeSf.Core.Flows.Customers;

/// <summary>
/// A Stripe customer's single <c>name</c> split for a Contact: the last word is the last name, the
/// rest the first name ("Mary Ann Smith" → "Mary Ann" / "Smith"). Cut to Salesforce's lengths
/// (40 and 80) so a long name cannot dead-letter the event with STRING_TOO_LONG.
/// </summary>
internal sealed record ContactName(string? FirstName, string LastName)
{
    private const int FirstNameMax = 40;
    private const int LastNameMax = 80;

    /// <summary>The split of <paramref name="name"/>, or null when it is blank.</summary>
    public static ContactName? From(string? name)
    {
        var words = (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var first = words.Length > 1 ? string.Join(' ', words[..^1]) : null;
        return new ContactName(Cut(first, FirstNameMax), Cut(words[^1], LastNameMax)!);
    }

    /// <summary>The required last name when the customer has no name: the email, else the customer id.</summary>
    public static ContactName Fallback(string? email, string customerId) => new(null, Cut(string.IsNullOrWhiteSpace(email) ? customerId : email, LastNameMax)!);

    private static string? Cut(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
