using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Flows.Subscriptions;

/// <summary>
/// Adds a churned customer's Contact to the configured win-back Campaign: a GET of the Contact by Stripe
/// customer id, then a POST of the CampaignMember referencing it (see <see cref="CampaignMemberOutcome"/>
/// for the failures that count as done).
/// </summary>
internal sealed class WinBackWriter(SalesforceMappingOptions mapping)
{
    // Standard object and fields: CampaignMember is not part of the configurable data model.
    private const string CampaignMemberObject = "CampaignMember";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(mapping.WinBackCampaignId);

    /// <summary>Adds the Contact GET to <paramref name="plan"/> and returns the POST to append after it.</summary>
    public CompositeSubrequest Add(CompositePlanBuilder plan, string customerId)
    {
        var contact = mapping.Contact;
        plan.Get(CampaignMemberOutcome.ContactReferenceId, contact.Object, contact.ExternalId, customerId, "Id");
        return new CompositeSubrequest("POST", $"sobjects/{CampaignMemberObject}", CampaignMemberOutcome.MemberReferenceId, new JsonObject
        {
            ["CampaignId"] = mapping.WinBackCampaignId!.Trim(),
            ["ContactId"] = CompositePlanBuilder.Ref(CampaignMemberOutcome.ContactReferenceId, "Id"),
        });
    }
}
