using StripeSf.Core.Flows;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using StripeSf.Core.ClaimCheck;
using StripeSf.Core.Flows.Customers;
using StripeSf.Core.Flows.Invoices;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Core.Tests.BillingFlows.Payments;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.BillingFlows.Invoices;

/// <summary>The billing handlers driven by the real processor and outcome interpreter, Salesforce substituted at its seam.</summary>
public sealed class BillingFlowProcessingTests
{
    private static readonly JsonNode Stale = JsonNode.Parse("""[{"errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","message":"STALE_EVENT: Stripe_Billing_Event_At__c would move back in time","fields":[]}]""")!;
    private static readonly JsonNode NameMissing = JsonNode.Parse("""[{"errorCode":"REQUIRED_FIELD_MISSING","message":"Required fields are missing: [Name]","fields":["Name"]}]""")!;
    private static readonly JsonNode Halted = JsonNode.Parse("""[{"errorCode":"PROCESSING_HALTED","message":"The transaction was rolled back since another operation in the same transaction failed.","fields":[]}]""")!;
    private readonly ISalesforceClient _salesforce = Substitute.For<ISalesforceClient>();

    [Fact]
    public async Task Process_PaymentFailedOlderThanAccountBillingFacts_StillWritesInvoiceAndTask()
    {
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse(
        [
            new("account", 400, Stale.DeepClone()),
            new("invoice", 201, null),
            new("owner", 200, JsonNode.Parse("""{"Id":"001A","OwnerId":"005B"}""")),
            new("task", 201, null),
        ]));

        var outcome = await Process("invoices", "invoice.payment_failed.2020-08-27.json", TestFlows.For("invoice.payment_failed", FlowFixture.Options()));

        var completed = Assert.IsType<ProcessingOutcome.Completed>(outcome);
        Assert.Equal(CompletionKind.Written, completed.Kind);
        Assert.Contains("account skipped as stale", completed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_InvoiceBeforeAnyCustomerEvent_ReplansOnceCreatingAPlaceholderAccount()
    {
        var requests = new List<CompositeRequest>();
        _salesforce.CompositeAsync(Arg.Do<CompositeRequest>(requests.Add), Arg.Any<CancellationToken>()).Returns(
            new CompositeResponse([new("account", 400, NameMissing.DeepClone()), new("invoice", 400, NameMissing.DeepClone())]),
            new CompositeResponse([new("accountCreate", 201, null), new("account", 200, null), new("invoice", 201, null)]));

        var outcome = await Process("invoices", "invoice.paid.2020-08-27.json", TestFlows.For("invoice.paid", FlowFixture.Options()));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("accountCreate", requests[0].Subrequests.Select(r => r.ReferenceId));
        Assert.Equal("1970-01-01T00:00:00.000Z", (string?)FlowFixture.Body(requests[1], "accountCreate")["Stripe_Name_Event_At__c"]);
        Assert.False(FlowFixture.Body(requests[1], "account").ContainsKey("Name"));
    }

    [Fact]
    public async Task Process_CustomerCreated_NamesTheAccountInTheFirstCall()
    {
        var requests = new List<CompositeRequest>();
        _salesforce.CompositeAsync(Arg.Do<CompositeRequest>(requests.Add), Arg.Any<CancellationToken>())
            .Returns(new CompositeResponse([new("accountName", 201, null), new("account", 200, null), new("contact", 201, null)]));

        var outcome = await Process("customers", "customer.created.2020-08-27.json", TestFlows.For("customer.created", FlowFixture.Options()));

        Assert.Equal(CompletionKind.Written, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
        Assert.Equal("Jenny Rosen", (string?)FlowFixture.Body(Assert.Single(requests), "accountName")["Name"]);
    }

    [Fact]
    public async Task Process_CustomerEventOlderThanSalesforce_IsSkippedAsStaleWithContactRolledBack()
    {
        var customerStale = JsonNode.Parse("""[{"errorCode":"FIELD_CUSTOM_VALIDATION_EXCEPTION","message":"STALE_EVENT: Stripe_Customer_Event_At__c would move back in time","fields":[]}]""")!;
        _salesforce.CompositeAsync(default!, default).ReturnsForAnyArgs(new CompositeResponse([new("account", 400, customerStale), new("contact", 400, Halted.DeepClone())]));

        var outcome = await Process("customers", "customer.updated.2020-08-27.json", TestFlows.For("customer.updated", FlowFixture.Options()));

        Assert.Equal(CompletionKind.SkippedStale, Assert.IsType<ProcessingOutcome.Completed>(outcome).Kind);
    }

    private async Task<ProcessingOutcome> Process(string flow, string file, EventFlow handler)
    {
        var payload = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "flows", flow, file));
        var processor = TestFlows.Processor(_salesforce, FlowFixture.Options());
        var message = new InboundMessage("msg_flow", handler.EventType, payload, new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });
        return await processor.ProcessAsync(message, CancellationToken.None);
    }
}
