using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;

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

    /// <summary>Adds the Contact GET and the CampaignMember POST referencing it to <paramref name="plan"/>.</summary>
    public void Add(CompositePlanBuilder plan, string customerId)
    {
        var contact = mapping.Contact;
        plan.Get(CampaignMemberOutcome.ContactReferenceId, contact.Object, contact.ExternalId, customerId, CampaignMemberOutcome.NoContactYet, "Id");
        plan.Create(CampaignMemberOutcome.MemberReferenceId, CampaignMemberObject, new JsonObject
        {
            ["CampaignId"] = mapping.WinBackCampaignId!.Trim(),
            ["ContactId"] = CompositePlanBuilder.Ref(CampaignMemberOutcome.ContactReferenceId, "Id"),
        }, CampaignMemberOutcome.AlreadyAMember);
    }
}
