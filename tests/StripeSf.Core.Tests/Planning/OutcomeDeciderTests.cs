using System.Text.Json.Nodes;
using StripeSf.Core.Mapping;
using StripeSf.Core.Planning;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.Planning;

/// <summary>What a failed subrequest means is decided by the rule it was planned with, nowhere else.</summary>
public sealed class OutcomeDeciderTests
{
    private static readonly RetryPolicy Policy = new(new Random(1));

    private static JsonNode Error(string code, string message) => JsonNode.Parse($$"""[{"errorCode":"{{code}}","message":"{{message}}","fields":[]}]""")!;

    private static WritePlan Plan(params (string Ref, WriteRule? Rule)[] writes)
    {
        var builder = new CompositePlanBuilder();
        foreach (var (reference, rule) in writes)
        {
            builder.Upsert(reference, "Account", "Stripe_Customer_Id__c", $"cus_{reference}", new JsonObject(), rule);
        }

        return builder.Build();
    }

    private static ProcessingOutcome Decide(WritePlan plan, params CompositeSubresponse[] results) =>
        OutcomeDecider.Decide(plan, new CompositeResponse(results), attempt: 1, Policy, "evt_1 (test)");

    [Fact]
    public void Decide_AllSucceeded_Written()
    {
        var outcome = Decide(Plan(("a", null), ("b", null)), new CompositeSubresponse("a", 200, null), new CompositeSubresponse("b", 201, null));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    [Fact]
    public void Decide_RequiredWriteRefusedPermanently_DeadLettersNamingTheSubrequestAndError()
    {
        var outcome = Decide(Plan(("a", null), ("b", null)), new CompositeSubresponse("a", 200, null), new CompositeSubresponse("b", 400, Error("INVALID_FIELD", "No such column 'X__c'")));

        var dead = Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
        Assert.Equal(DeadLetterReasons.SalesforceRejected, dead.Reason);
        Assert.Contains("b: INVALID_FIELD No such column 'X__c'", dead.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StaleRejection_IsDoneWhateverTheRule()
    {
        var stale = Error("FIELD_CUSTOM_VALIDATION_EXCEPTION", "STALE_EVENT: Stripe_Billing_Event_At__c would move back in time");

        var outcome = Decide(Plan(("a", null), ("b", WriteRule.WaitsFor("x", _ => true))), new CompositeSubresponse("a", 200, null), new CompositeSubresponse("b", 400, stale));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    [Fact]
    public void Decide_EveryWriteStale_SkippedStale()
    {
        var stale = Error("FIELD_CUSTOM_VALIDATION_EXCEPTION", "STALE_EVENT: older");

        var outcome = Decide(Plan(("a", null)), new CompositeSubresponse("a", 400, stale));

        Assert.Equal(CompletionKind.SkippedStale, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    [Fact]
    public void Decide_FailureTheRuleCallsDone_CompletesAndSaysWhy()
    {
        var rule = WriteRule.DoneWhen("already a member", f => f.Code == "DUPLICATE_VALUE");

        var outcome = Decide(Plan(("a", null), ("member", rule)), new CompositeSubresponse("a", 200, null), new CompositeSubresponse("member", 400, Error("DUPLICATE_VALUE", "Already a campaign member.")));

        var completed = Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Contains("member done (already a member)", completed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailureTheRuleDoesNotMatch_StillDeadLetters()
    {
        var rule = WriteRule.DoneWhen("already a member", f => f.Code == "DUPLICATE_VALUE");

        var outcome = Decide(Plan(("member", rule)), new CompositeSubresponse("member", 400, Error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")));

        Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
    }

    [Fact]
    public void Decide_WaitingForAnotherEvent_RetriesLaterNamingWhatItWaitsFor()
    {
        var rule = WriteRule.WaitsFor("the charge's payment entry", f => f.Code == "NOT_FOUND");

        var outcome = Decide(Plan(("charge", rule)), new CompositeSubresponse("charge", 404, Error("NOT_FOUND", "The requested resource does not exist")));

        var retry = Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
        Assert.Contains("waiting for the charge's payment entry", retry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TransientFailureBesideAPermanentOne_RetriesTheWholeEvent()
    {
        var outcome = Decide(Plan(("a", null), ("b", null)),
            new CompositeSubresponse("a", 400, Error("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record")),
            new CompositeSubresponse("b", 400, Error("INVALID_FIELD_FOR_INSERT_UPDATE", "Foreign key external ID: cus_a not found")));

        Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
    }

    [Fact]
    public void Decide_ReferenceTheResponseNamesButThePlanDoesNot_IsRequired()
    {
        var outcome = Decide(Plan(("a", WriteRule.Optional("anything"))), new CompositeSubresponse("renamed", 400, Error("NOT_FOUND", "gone")));

        Assert.IsType<ProcessingOutcome.DeadLetter>(outcome);
    }

    [Fact]
    public void Builder_SameReferenceIdTwice_IsRefusedAtOnce()
    {
        var builder = new CompositePlanBuilder().Upsert("account", "Account", "Stripe_Customer_Id__c", "cus_1", new JsonObject());

        var error = Assert.Throws<InvalidOperationException>(() => builder.Get("account", "Account", "Stripe_Customer_Id__c", "cus_1", "Id"));

        Assert.Contains("Duplicate composite reference id 'account'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ClaimsInFrontWithAReferenceTheEventAlreadyUses_IsRefused()
    {
        var plan = Plan(("claimContact", null));
        var claims = new CompositePlanBuilder().Upsert("claimContact", "Contact", "Stripe_Customer_Id__c", "cus_1", new JsonObject()).Build();

        Assert.Throws<InvalidOperationException>(() => plan.After(claims.Writes));
    }

    [Fact]
    public void Builder_MoreThanOneCallAllows_IsRefused()
    {
        var builder = new CompositePlanBuilder();
        for (var i = 0; i <= CompositeRequest.MaxSubrequests; i++)
        {
            builder.Upsert($"r{i}", "Account", "Stripe_Customer_Id__c", $"cus_{i}", new JsonObject());
        }

        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void DisputePlan_ChargeNotSyncedYet_RetriesBecauseTheRuleTravelsWithTheChargeLookup()
    {
        var plan = TestFlows.For("charge.dispute.created", FlowFixture.Options()).Plan(FlowFixture.Load("disputes", "charge.dispute.created.2020-08-27.json"));
        var lookup = Assert.Single(plan.Writes, w => w.Subrequest.Method == "GET");
        var results = plan.Writes.Select(w => w == lookup
            ? new CompositeSubresponse(w.ReferenceId, 404, Error("NOT_FOUND", "The requested resource does not exist"))
            : new CompositeSubresponse(w.ReferenceId, w.Subrequest.Url.StartsWith("sobjects/Case/", StringComparison.Ordinal) && w.Subrequest.Body?.Count == 3 ? 201 : 400,
                w.Subrequest.Url.StartsWith("sobjects/Case/", StringComparison.Ordinal) && w.Subrequest.Body?.Count == 3 ? null : Error("PROCESSING_HALTED", "The transaction was rolled back since another operation in the same transaction failed."))).ToArray();

        var outcome = OutcomeDecider.Decide(plan, new CompositeResponse(results), attempt: 1, Policy, "evt_dispute");

        Assert.IsType<ProcessingOutcome.RetryLater>(outcome);
    }
}
