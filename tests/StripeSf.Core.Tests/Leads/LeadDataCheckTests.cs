using StripeSf.Core.Leads;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.Leads;

public sealed class LeadDataCheckTests
{
    [Theory]
    [InlineData("ada@example.com")]
    [InlineData("ada.lovelace+stripe@mail.engines.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Problem_CompleteLead_IsNone(string email) =>
        Assert.Null(LeadDataCheck.Problem(CustomerDraftBuilderTests.Lead("00Q1", "Ada", "Lovelace", "Engines", email, null), new LeadSyncMap()));

    [Theory]
    [InlineData("grace(at)navy", "Invalid email 'grace(at)navy' (Email)")]
    [InlineData("grace@navy", "Invalid email 'grace@navy' (Email)")]
    [InlineData("grace hopper@navy.mil", "Invalid email 'grace hopper@navy.mil' (Email)")]
    [InlineData("a@b@navy.mil", "Invalid email 'a@b@navy.mil' (Email)")]
    [InlineData(null, "No email (Email): the Stripe customer is found again by it")]
    public void Problem_BadEmail_SaysWhatIsWrong(string? email, string reason) =>
        Assert.Equal(reason, LeadDataCheck.Problem(CustomerDraftBuilderTests.Lead("00Q1", "Ada", "Lovelace", "Engines", email, null), new LeadSyncMap()));

    [Fact]
    public void Problem_SeveralThingsMissing_ListsThemAll()
    {
        var reason = LeadDataCheck.Problem(CustomerDraftBuilderTests.Lead("00Q1", "Ada", "  ", null, "ada@example.com", null), new LeadSyncMap());

        Assert.Equal("No last name (LastName); No company (Company)", reason);
    }
}
