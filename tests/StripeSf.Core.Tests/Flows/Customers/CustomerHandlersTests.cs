using StripeSf.Core.Flows;
using Microsoft.Extensions.Options;
using StripeSf.Core.Flows.Customers;
using StripeSf.Core.Mapping;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;

namespace StripeSf.Core.Tests.BillingFlows.Customers;

public sealed class CustomerHandlersTests
{
    private static EventFlow Created(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("customer.created", options);
    }

    private static EventFlow Updated(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("customer.updated", options);
    }

    private static EventFlow Deleted(IOptions<SalesforceMappingOptions>? options = null)
    {
        options ??= FlowFixture.Options();
        return TestFlows.For("customer.deleted", options);
    }

    private static StripeEventContext Load(string file) =>
        FlowFixture.Load("customers", file);

    [Fact]
    public void Plan_CreatedAt2020_NamesCreatesAccountThenUpsertsItAndTheContactByCustomerId()
    {
        var request = Created().Plan(Load("customer.created.2020-08-27.json"));

        Assert.False(request.AllOrNone);
        Assert.Equal(
            ["PATCH sobjects/Account/Stripe_Customer_Id__c/cus_Flow2020", "PATCH sobjects/Account/Stripe_Customer_Id__c/cus_Flow2020",
             "PATCH sobjects/Contact/Stripe_Customer_Id__c/cus_Flow2020", "PATCH sobjects/Contact/Stripe_Customer_Id__c/cus_Flow2020", "PATCH sobjects/Contact/Stripe_Customer_Id__c/cus_Flow2020"],
            FlowFixture.Calls(request).Where(c => c.Contains("Stripe_Customer_Id__c/cus_", StringComparison.Ordinal)));

        // The identity ladder, in the same call: the email rung in front, the created stamps and the ambiguity Task behind.
        Assert.Equal(
            ["emailLow", "emailHigh", "emailMatch", "emailClaimAccount", "emailOwned", "emailClaimContact",
             "accountName", "account", "contact", "contactEmail", "contactPhone",
             "createdAccount", "createdAccountReason", "createdContact", "createdContactReason", "emailSplit", "emailTask"],
            request.Subrequests.Select(r => r.ReferenceId));
        FlowFixture.AssertBody("""{"Name":"Jenny Rosen","Stripe_Name_Event_At__c":"2020-11-14T22:13:20.000Z"}""", FlowFixture.Body(request, "accountName"));
        FlowFixture.AssertBody("""{"Stripe_Customer_Event_At__c":"2020-11-14T22:13:20.000Z"}""", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Account":{"Stripe_Customer_Id__c":"cus_Flow2020"},"FirstName":"Jenny","LastName":"Rosen",
             "Stripe_Customer_Event_At__c":"2020-11-14T22:13:20.000Z"}
            """, FlowFixture.Body(request, "contact"));
        FlowFixture.AssertBody("""{"Email":"jenny.rosen@example.com","Stripe_Email_Event_At__c":"2020-11-14T22:13:20.000Z"}""", FlowFixture.Body(request, "contactEmail"));
        FlowFixture.AssertBody("""{"Phone":"+1 555 010 0100","Stripe_Phone_Event_At__c":"2020-11-14T22:13:20.000Z"}""", FlowFixture.Body(request, "contactPhone"));
    }

    [Fact]
    public void Plan_CreateFieldsRequested_NeverAddsAPlaceholderNextToTheCustomersName()
    {
        var first = Created().Plan(Load("customer.created.2020-08-27.json"));
        var replanned = Created().Plan(Load("customer.created.2020-08-27.json")).CreatingAll();

        FlowFixture.AssertSamePlan(first, replanned);
    }

    [Fact]
    public void Plan_CreatedAt2026WithoutName_NamesTheAccountAfterTheEmailAndUsesItAsContactLastName()
    {
        var request = Created().Plan(Load("customer.created.2026-07-29.json"));

        Assert.Equal("ops@acme.example", (string?)FlowFixture.Body(request, "accountName")["Name"]);
        FlowFixture.AssertBody("""{"Stripe_Customer_Event_At__c":"2026-09-21T14:13:20.000Z"}""", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Account":{"Stripe_Customer_Id__c":"cus_Flow2026"},"FirstName":null,"LastName":"ops@acme.example",
             "Stripe_Customer_Event_At__c":"2026-09-21T14:13:20.000Z"}
            """, FlowFixture.Body(request, "contact"));
        FlowFixture.AssertBody("""{"Email":"ops@acme.example","Stripe_Email_Event_At__c":"2026-09-21T14:13:20.000Z"}""", FlowFixture.Body(request, "contactEmail"));
        Assert.DoesNotContain("contactPhone", request.Subrequests.Select(r => r.ReferenceId));
    }

    [Fact]
    public void Plan_UpdatedWithThreeWordName_SplitsFirstNameFromLastWordAndLeavesThePhoneSalesEnteredAlone()
    {
        var request = Updated().Plan(Load("customer.updated.2020-08-27.json"));

        FlowFixture.AssertBody("""
            {"Account":{"Stripe_Customer_Id__c":"cus_Flow2020"},"FirstName":"Mary Ann","LastName":"Smith",
             "Stripe_Customer_Event_At__c":"2020-11-14T22:23:20.000Z"}
            """, FlowFixture.Body(request, "contact"));
        FlowFixture.AssertBody("""{"Email":"mary.smith@example.com","Stripe_Email_Event_At__c":"2020-11-14T22:23:20.000Z"}""", FlowFixture.Body(request, "contactEmail"));
        Assert.All(request.Subrequests, s => Assert.False(s.Body?.ContainsKey("Phone") == true, $"{s.ReferenceId} must not touch the phone"));
        Assert.DoesNotContain("Name", FlowFixture.Body(request, "account").Select(p => p.Key));
    }

    [Fact]
    public void Plan_DeletedAt2026_KeepsRecordsAndRecordsDeletionByTheCustomerEventTime()
    {
        var request = Deleted().Plan(Load("customer.deleted.2026-07-29.json"));

        Assert.DoesNotContain(request.Subrequests, s => s.Method == "DELETE");
        FlowFixture.AssertBody("""{"Stripe_Customer_Event_At__c":"2026-09-21T15:13:20.000Z"}""", FlowFixture.Body(request, "account"));
        FlowFixture.AssertBody("""
            {"Account":{"Stripe_Customer_Id__c":"cus_Flow2026"},"FirstName":null,"LastName":"Cher",
             "Stripe_Customer_Event_At__c":"2026-09-21T15:13:20.000Z"}
            """, FlowFixture.Body(request, "contact"));
        FlowFixture.AssertBody("""{"Phone":"+44 20 7946 0000","Stripe_Phone_Event_At__c":"2026-09-21T15:13:20.000Z"}""", FlowFixture.Body(request, "contactPhone"));
    }

    [Fact]
    public void Plan_DeletedWithoutNameOrEmail_FallsBackToCustomerId()
    {
        var request = Deleted().Plan(Load("customer.deleted.2020-08-27.json"));

        Assert.Equal("cus_FlowNoName", (string?)FlowFixture.Body(request, "accountName")["Name"]);
        Assert.Equal("cus_FlowNoName", (string?)FlowFixture.Body(request, "contact")["LastName"]);
    }

    [Fact]
    public void Plan_DeletedWithMarkerFieldMapped_StampsTheDeletionTime()
    {
        var options = FlowFixture.Options(o => o.Account.CustomerDeletedAt = "Stripe_Customer_Deleted_At__c");

        var request = Deleted(options).Plan(Load("customer.deleted.2026-07-29.json"));

        FlowFixture.AssertBody("""
            {"Stripe_Customer_Event_At__c":"2026-09-21T15:13:20.000Z","Stripe_Customer_Deleted_At__c":"2026-09-21T15:13:20.000Z"}
            """, FlowFixture.Body(request, "account"));
    }

    [Fact]
    public void Plan_UpdatedMarkerFieldMapped_DoesNotStampDeletion()
    {
        var options = FlowFixture.Options(o => o.Account.CustomerDeletedAt = "Stripe_Customer_Deleted_At__c");

        var request = Updated(options).Plan(Load("customer.updated.2020-08-27.json"));

        // Part of the customer group: every customer event writes it, null while the customer exists.
        Assert.True(FlowFixture.Body(request, "account").ContainsKey("Stripe_Customer_Deleted_At__c"));
        Assert.Null(FlowFixture.Body(request, "account")["Stripe_Customer_Deleted_At__c"]);
    }

    [Fact]
    public void Plan_Redelivered_PlansTheSameWrites()
    {
        FlowFixture.AssertSamePlan(Updated().Plan(Load("customer.updated.2020-08-27.json")), Updated().Plan(Load("customer.updated.2020-08-27.json")));
    }

    [Fact]
    public void Plan_CustomersFlowOff_WritesNothing()
    {
        var options = FlowFixture.Options(o => o.Flows.Customers = false);

        Assert.True(Created(options).Plan(Load("customer.created.2020-08-27.json")).IsEmpty);
        Assert.True(Updated(options).Plan(Load("customer.updated.2020-08-27.json")).IsEmpty);
        Assert.True(Deleted(options).Plan(Load("customer.deleted.2026-07-29.json")).IsEmpty);
    }

    [Theory]
    [InlineData("Jenny Rosen", "Jenny", "Rosen")]
    [InlineData("  Mary Ann   Smith ", "Mary Ann", "Smith")]
    [InlineData("Cher", null, "Cher")]
    public void From_Name_SplitsOnTheLastWord(string name, string? first, string last)
    {
        Assert.Equal(new ContactName(first, last), ContactName.From(name));
    }

    [Fact]
    public void From_VeryLongName_IsCutToSalesforceLengths()
    {
        var names = ContactName.From($"{new string('a', 60)} {new string('b', 100)}")!;

        Assert.Equal(40, names.FirstName!.Length);
        Assert.Equal(80, names.LastName.Length);
    }
}
