using System.Text.Json;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Matching;

/// <summary>The Stripe customer id and email an event states, whatever the object (customer, invoice, charge, checkout session).</summary>
public static class CustomerEmailReader
{
    /// <summary>The customer id and email, or null when the event names no customer or no email.</summary>
    public static (string CustomerId, string Email)? Read(StripeEventContext context)
    {
        var data = context.DataObject;
        var kind = Text(data, "object");
        var customerId = kind == "customer" ? Text(data, "id") : CustomerOf(data);
        var email = kind switch
        {
            "customer" => Text(data, "email"),
            "invoice" => Text(data, "customer_email"),
            "charge" => Nested(data, "billing_details", "email") ?? Text(data, "receipt_email"),
            "checkout.session" => Nested(data, "customer_details", "email"),
            _ => null,
        };
        return customerId is null || string.IsNullOrWhiteSpace(email) ? null : (customerId, email.Trim());
    }

    private static string? CustomerOf(JsonElement data) =>
        data.TryGetProperty("customer", out var customer)
            ? customer.ValueKind switch
            {
                JsonValueKind.String => customer.GetString(),
                JsonValueKind.Object => Text(customer, "id"),
                _ => null,
            }
            : null;

    private static string? Nested(JsonElement data, string parent, string name) =>
        data.TryGetProperty(parent, out var inner) && inner.ValueKind == JsonValueKind.Object ? Text(inner, name) : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
