using System.Text.Json.Nodes;
using StripeSf.Testing.LoopbackSalesforce;
using static StripeSf.Core.Tests.Scenarios.DunningHealthTests;

namespace StripeSf.Core.Tests.Scenarios;

/// <summary>With <c>Dunning__OpenCase</c>, a failed payment opens one collections Case per invoice, assigned to the queue, and the payment closes it.</summary>
public sealed class DunningCaseTests
{
    private const long T = 1_795_400_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Process_FailedThenPaidWithCasesOn_OneCaseForTheQueueClosedWithANote(bool paidFirst)
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        var queue = salesforce.Seed("Group", new JsonObject { ["Name"] = "Collections", ["DeveloperName"] = "Collections", ["Type"] = "Queue" });
        await using var services = LoopbackServices.Build(salesforce, ("Dunning:OpenCase", "true"), ("Dunning:CaseQueue", "Collections"));
        var failed = Failed("in_Cs1", "cus_Cs1", T);
        var paid = Paid("in_Cs1", "cus_Cs1", T + 3_600);

        if (!paidFirst)
        {
            await ProcessAsync(services, failed);
            var open = Assert.Single(salesforce.Records("Case"));
            Assert.Null((string?)open["Status"]);
            Assert.Equal(queue, (string?)open["OwnerId"]);
            Assert.Equal("High", (string?)open["Priority"]);
            Assert.StartsWith("Payment failed: invoice CHAOS-Cs1 (50.00 USD)", (string?)open["Subject"], StringComparison.Ordinal);
        }

        await ProcessAsync(services, paidFirst ? [paid, failed, failed] : [paid, failed]);

        var @case = Assert.Single(salesforce.Records("Case"));
        Assert.Equal("in_Cs1:payment-failed", (string?)@case["Stripe_Case_Key__c"]);
        Assert.Equal("Closed", (string?)@case["Status"]);
        Assert.StartsWith($"Paid in Stripe on {DateTimeOffset.FromUnixTimeSeconds(T + 3_600):yyyy-MM-dd}.", (string?)@case["Description"], StringComparison.Ordinal);
        Assert.Equal((string?)Assert.Single(salesforce.Records("Account"))["Id"], (string?)@case["AccountId"]);
    }

    [Fact]
    public async Task Process_FailedAgainAfterAnAgentTookTheCase_KeepsTheAgentAsOwner()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce, ("Dunning:OpenCase", "true"), ("Dunning:CaseQueue", "00GLB0000000777AAA"));

        await ProcessAsync(services, Failed("in_Cs2", "cus_Cs2", T));
        var @case = Assert.Single(salesforce.Records("Case"));
        Assert.Equal("00GLB0000000777AAA", (string?)@case["OwnerId"]);
        salesforce.Seed("Case", new JsonObject(@case.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) { ["OwnerId"] = "005LB0000000042AAA" });

        await ProcessAsync(services, Failed("in_Cs2", "cus_Cs2", T + 86_400, attempt: 2));

        var after = Assert.Single(salesforce.Records("Case"));
        Assert.Equal("005LB0000000042AAA", (string?)after["OwnerId"]);
        Assert.Contains("Attempts: 2", (string?)after["Description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_QueueThatDoesNotExist_WritesTheCaseWithTheIntegrationUserAsOwner()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce, ("Dunning:OpenCase", "true"), ("Dunning:CaseQueue", "No_Such_Queue"));

        await ProcessAsync(services, Failed("in_Cs3", "cus_Cs3", T));

        var @case = Assert.Single(salesforce.Records("Case"));
        Assert.Equal("005LB0000000001AAA", (string?)@case["OwnerId"]); // the integration user
        Assert.StartsWith("Payment failed: invoice CHAOS-Cs3", (string?)@case["Subject"], StringComparison.Ordinal);
        Assert.Single(salesforce.Records("Task"));
    }

    [Fact]
    public async Task Process_CasesOffByDefault_WritesNoCase()
    {
        await using var salesforce = await LoopbackSalesforce.StartAsync(LoopbackServices.Org());
        await using var services = LoopbackServices.Build(salesforce);

        await ProcessAsync(services, Failed("in_Cs4", "cus_Cs4", T), Paid("in_Cs4", "cus_Cs4", T + 3_600));

        Assert.Empty(salesforce.Records("Case"));
        Assert.Equal("Completed", (string?)Assert.Single(salesforce.Records("Task"))["Status"]);
    }
}
