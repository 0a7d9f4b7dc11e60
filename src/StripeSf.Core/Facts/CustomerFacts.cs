using System.Text.Json;

namespace StripeSf.Core.Facts;

/// <summary>
/// A customer. The fields read here have kept their names since 2020-08-27; the singular
/// <c>discount</c> was removed from customers in 2025-03-31.basil and is not read. A
/// <c>customer.deleted</c> object may carry <c>deleted: true</c> and little else.
/// </summary>
public sealed record CustomerFacts
{
    /// <summary>Customer id (<c>cus_…</c>).</summary>
    public required string Id { get; init; }

    /// <summary><c>name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>email</c>.</summary>
    public string? Email { get; init; }

    /// <summary><c>phone</c>.</summary>
    public string? Phone { get; init; }

    /// <summary><c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>Lower-case default currency, once the customer has been charged.</summary>
    public string? Currency { get; init; }

    /// <summary><c>delinquent</c>.</summary>
    public bool Delinquent { get; init; }

    /// <summary><c>deleted</c>: true on deleted customers.</summary>
    public bool Deleted { get; init; }

    /// <summary>Billing address lines, city, state, postal code and country (each null when not sent).</summary>
    public AddressFacts? Address { get; init; }

    /// <summary>The customer's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>When the customer was created.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>
    /// The email the customer had before this event (<c>data.previous_attributes.email</c> of a
    /// <c>customer.updated</c> that changed it), when it was a non-blank address other than the current one.
    /// </summary>
    public string? PreviousEmail { get; init; }

    /// <summary>The Salesforce records the customer names in its metadata (identity ladder, second rung).</summary>
    public SalesforceLinks Links { get; init; } = SalesforceLinks.None;

    /// <summary>Reads a customer object; <paramref name="previousAttributes"/> is the event's <c>data.previous_attributes</c>, when any.</summary>
    /// <exception cref="Processing.UnmappableEventException">No id.</exception>
    public static CustomerFacts From(JsonElement customer, JsonElement? previousAttributes = null)
    {
        var json = new StripeJson(customer, "customer");
        var email = json.String("email");
        var previous = previousAttributes is { } p ? new StripeJson(p, "data.previous_attributes").String("email")?.Trim() : null;
        var metadata = json.Metadata();
        return new CustomerFacts
        {
            PreviousEmail = string.IsNullOrEmpty(previous) || string.Equals(previous, email?.Trim(), StringComparison.OrdinalIgnoreCase) ? null : previous,
            Links = SalesforceLinks.From(metadata),
            Id = json.RequiredId("id"),
            Name = json.String("name"),
            Email = email,
            Phone = json.String("phone"),
            Description = json.String("description"),
            Currency = json.String("currency"),
            Delinquent = json.Bool("delinquent") ?? false,
            Deleted = json.Bool("deleted") ?? false,
            Address = json.Object("address") is { } address ? AddressFacts.From(address) : null,
            Metadata = metadata,
            Created = json.Time("created"),
        };
    }
}

/// <summary>A postal address as Stripe renders it.</summary>
public sealed record AddressFacts(string? Line1, string? Line2, string? City, string? State, string? PostalCode, string? Country)
{
    internal static AddressFacts From(StripeJson address) => new(
        address.String("line1"), address.String("line2"), address.String("city"),
        address.String("state"), address.String("postal_code"), address.String("country"));
}
