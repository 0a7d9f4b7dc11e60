using Stripe;

namespace StripeSf.Core.Leads;

/// <summary>
/// Creates or updates a Lead's Stripe customer with an idempotency key from the Lead id and the
/// values sent (<see cref="CustomerDraft.IdempotencyKey"/>): a repeated run after a crash gets
/// Stripe's first answer back instead of a second customer.
/// </summary>
public sealed class StripeCustomerWriter(LeadSyncStripeClient stripe, StripeCalls calls)
{
    /// <summary>The new customer's id.</summary>
    public async Task<string> CreateAsync(CustomerDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var options = new CustomerCreateOptions { Metadata = [] };
        foreach (var (field, value) in draft.Values.Where(v => v.Value.Length > 0))
        {
            Set(field, value, options.Metadata, v => options.Email = v, v => options.Name = v, v => options.Phone = v,
                v => options.BusinessName = v, v => options.IndividualName = v, v => options.Description = v);
        }

        var request = new RequestOptions { IdempotencyKey = draft.IdempotencyKey(null) };
        var customer = await calls.RunAsync(ct => new CustomerService(stripe.Client).CreateAsync(options, request, ct), cancellationToken).ConfigureAwait(false);
        return customer.Id;
    }

    /// <summary>Updates the customer (blank values clear the field); false when Stripe has no such customer (deleted).</summary>
    public async Task<bool> UpdateAsync(string customerId, CustomerDraft draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerId);
        ArgumentNullException.ThrowIfNull(draft);
        var options = new CustomerUpdateOptions { Metadata = [] };
        foreach (var (field, value) in draft.Values)
        {
            // Stripe unsets a field sent as an empty string, which is what a Lead field that was cleared means.
            Set(field, value, options.Metadata, v => options.Email = v, v => options.Name = v, v => options.Phone = v,
                v => options.BusinessName = v, v => options.IndividualName = v, v => options.Description = v);
        }

        var request = new RequestOptions { IdempotencyKey = draft.IdempotencyKey(customerId) };
        var service = new CustomerService(stripe.Client);
        return await calls.RunAsync(async ct =>
        {
            try
            {
                await service.UpdateAsync(customerId, options, request, ct).ConfigureAwait(false);
                return true;
            }
            catch (StripeException ex) when (StripeCalls.IsMissing(ex))
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void Set(string field, string value, Dictionary<string, string> metadata, Action<string> email, Action<string> name, Action<string> phone,
        Action<string> businessName, Action<string> individualName, Action<string> description)
    {
        switch (field)
        {
            case "email": email(value); break;
            case "name": name(value); break;
            case "phone": phone(value); break;
            case "business_name": businessName(value); break;
            case "individual_name": individualName(value); break;
            case "description": description(value); break;
            default:
                if (field.StartsWith("metadata.", StringComparison.Ordinal))
                {
                    metadata[field["metadata.".Length..]] = value;
                }

                break;
        }
    }
}
