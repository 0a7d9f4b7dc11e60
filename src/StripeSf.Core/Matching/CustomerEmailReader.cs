using StripeSf.Core.Facts;
using StripeSf.Core.Processing;

namespace StripeSf.Core.Matching;

/// <summary>The Stripe customer id and email an event states, whatever the object (customer, invoice, charge, checkout session).</summary>
public static class CustomerEmailReader
{
    /// <summary>The customer id and email, or null when the event names no customer or no email.</summary>
    /// <remarks>
    /// Read through <see cref="StripeJson"/> rather than the typed facts: matching is best effort and
    /// must not refuse an event that lacks a field the object's mapping needs (the flow reports that).
    /// </remarks>
    public static (string CustomerId, string Email)? Read(StripeEventContext context)
    {
        var data = new StripeJson(context.DataObject, "data.object");
        var kind = data.String("object");
        var customerId = kind == "customer" ? data.String("id") : data.Id("customer");
        var email = kind switch
        {
            "customer" => data.String("email"),
            "invoice" => data.String("customer_email"),
            "charge" => data.String("billing_details.email") ?? data.String("receipt_email"),
            "checkout.session" => data.String("customer_details.email"),
            _ => null,
        };
        return customerId is null || string.IsNullOrWhiteSpace(email) ? null : (customerId, email.Trim());
    }
}
