using StripeSf.Salesforce.Query;

namespace StripeSf.Salesforce.Tests;

public sealed class SoqlTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("O'Brien", "'O\\'Brien'")]
    [InlineData("a\\b", "'a\\\\b'")]
    [InlineData("say \"hi\"", "'say \\\"hi\\\"'")]
    [InlineData("l1\nl2\rl3\tx", "'l1\\nl2\\rl3\\tx'")]
    [InlineData("O’Brien", "'O\\u2019Brien'")]
    [InlineData("é", "'\\u00e9'")]
    public void Literal_String_EscapesPerSoqlRules(string value, string expected) => Assert.Equal(expected, Soql.Literal(value));

    [Fact]
    public void Literal_Null_IsBareNull() => Assert.Equal("null", Soql.Literal((string?)null));

    [Fact]
    public void Query_Interpolation_EscapesEveryHole()
    {
        var name = "x' OR Name != '";
        var since = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(2));
        string[] ids = ["cus_1", "cus_'2"];

        var query = Soql.Query($"SELECT Id FROM {Soql.Identifier("Account")} WHERE Name = {name} AND LastModifiedDate > {since} AND Stripe_Customer_Id__c IN {ids} AND MRR__c > {12.5m} AND IsDeleted = {false}");

        Assert.Equal(
            "SELECT Id FROM Account WHERE Name = 'x\\' OR Name != \\'' AND LastModifiedDate > 2026-11-01T10:00:00Z AND Stripe_Customer_Id__c IN ('cus_1','cus_\\'2') AND MRR__c > 12.5 AND IsDeleted = false",
            query.Text);
    }

    [Fact]
    public void LikeLiteral_Wildcards_AreEscaped() => Assert.Equal("'50\\% off\\_now'", Soql.LikeLiteral("50% off_now"));

    [Theory]
    [InlineData("Name; DELETE")]
    [InlineData("Name OR 1=1")]
    [InlineData("")]
    [InlineData("1Field")]
    public void Identifier_NotAName_Throws(string name) => Assert.Throws<ArgumentException>(() => Soql.Identifier(name));

    [Fact]
    public void Identifier_RelationshipPath_IsAccepted() => Assert.Equal("Account.OwnerId", Soql.Identifier("Account.OwnerId").Name);
}
