using Stripe;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Leads;

/// <summary>
/// Finds a Lead's existing Stripe customer when the Lead holds no customer id (or its customer is
/// gone): by <c>metadata['salesforce_lead_id']</c> (search API), else by email when exactly one
/// customer has it and it belongs to no other Lead. Search lags writes by up to a minute, so a
/// customer created a moment ago may be missed here; the create's idempotency key covers that.
/// </summary>
public sealed class StripeCustomerFinder(LeadSyncStripeClient stripe, StripeCalls calls)
{
    /// <summary>The match; two or more customers carrying the Lead's id are reported, never guessed between.</summary>
    public async Task<CustomerMatch> FindAsync(CustomerDraft draft, LeadSyncMap map, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(map);
        var customers = new CustomerService(stripe.Client);
        var query = $"metadata['{Quote(map.LeadIdMetadataKey)}']:'{Quote(draft.LeadId)}'";
        var found = await calls.RunAsync(ct => customers.SearchAsync(new CustomerSearchOptions { Query = query, Limit = 10 }, null, ct), cancellationToken).ConfigureAwait(false);
        switch (found.Data.Count)
        {
            case 1:
                return new CustomerMatch(found.Data[0].Id, "metadata");
            case > 1:
                return new CustomerMatch(null, "metadata",
                    $"{found.Data.Count} Stripe customers carry {map.LeadIdMetadataKey}={draft.LeadId} ({string.Join(", ", found.Data.Select(c => c.Id))}); merge them in Stripe");
        }

        var email = draft.Value("email");
        if (email.Length == 0)
        {
            return CustomerMatch.None;
        }

        var listed = await calls.RunAsync(ct => customers.ListAsync(new CustomerListOptions { Email = email, Limit = 2 }, null, ct), cancellationToken).ConfigureAwait(false);
        if (listed.Data.Count == 1)
        {
            var candidate = listed.Data[0];
            var owner = candidate.Metadata?.GetValueOrDefault(map.LeadIdMetadataKey);
            // A customer another Lead already owns is not this Lead's, even with the same email.
            if (string.IsNullOrEmpty(owner) || owner == draft.LeadId)
            {
                return new CustomerMatch(candidate.Id, "unique email");
            }
        }

        return CustomerMatch.None;
    }

    // Stripe's search language: string values in single quotes, a quote inside escaped with a backslash.
    private static string Quote(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
}
