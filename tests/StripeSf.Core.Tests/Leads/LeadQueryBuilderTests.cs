using StripeSf.Core.Leads;
using StripeSf.Core.Mapping;

namespace StripeSf.Core.Tests.Leads;

public sealed class LeadQueryBuilderTests
{
    [Fact]
    public void Build_Default_SelectsUnconvertedFlaggedLeadsSinceTheWholeSecond_InAStableOrder()
    {
        var query = LeadQueryBuilder.Build(new LeadSyncMap(), new DateTimeOffset(2026, 12, 1, 10, 20, 30, 999, TimeSpan.Zero));

        Assert.EndsWith("FROM Lead WHERE IsConverted = false AND Sync_To_Stripe__c = true AND SystemModstamp >= 2026-12-01T10:20:30Z ORDER BY SystemModstamp, Id", query.Text, StringComparison.Ordinal);
        Assert.StartsWith("SELECT Id, SystemModstamp, Stripe_Customer_Id__c, Stripe_Sync_Status__c, Stripe_Sync_Fingerprint__c, Email, LastName, Company, FirstName, Phone FROM", query.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutASyncFlag_SelectsEveryUnconvertedLead()
    {
        var query = LeadQueryBuilder.Build(new LeadSyncMap { SyncFlag = "" }, DateTimeOffset.UnixEpoch);

        Assert.Contains("WHERE IsConverted = false AND SystemModstamp >= 1970-01-01T00:00:00Z", query.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sync_To_Stripe__c = true OR Id")]
    [InlineData("Email) FROM User --")]
    public void Build_ConfiguredNameThatIsNotAnIdentifier_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => LeadQueryBuilder.Build(new LeadSyncMap { SyncFlag = name }, DateTimeOffset.UnixEpoch));
        var map = new LeadSyncMap();
        map.Fields["name"] = name;
        Assert.Throws<ArgumentException>(() => LeadQueryBuilder.Build(map, DateTimeOffset.UnixEpoch));
    }
}
