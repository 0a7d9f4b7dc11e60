using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Messaging;
using StripeSf.Core.Processing;
using StripeSf.Salesforce;
using StripeSf.Salesforce.Composite;

namespace StripeSf.Core.Tests.Processing;

/// <summary><c>stripesf plan</c> shows exactly the first call the deployed processor sends.</summary>
public sealed class EventPlannerTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "flows"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Plan_EveryFlowFixture_IsTheFirstCallTheProcessorSends(string fixture)
    {
        var payload = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, fixture));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mapping:WinBackCampaignId"] = "701000000000001AAA" }).Build();

        await using var planning = new ServiceCollection().AddSingleton<IConfiguration>(settings).AddEventPlanning().BuildServiceProvider();
        var plan = await planning.GetRequiredService<EventPlanner>().PlanAsync(payload, CancellationToken.None);

        var sent = new List<CompositeRequest>();
        var salesforce = Substitute.For<ISalesforceClient>();
        salesforce.CompositeAsync(Arg.Do<CompositeRequest>(sent.Add), Arg.Any<CancellationToken>())
            .Returns(call => new CompositeResponse([.. call.Arg<CompositeRequest>().Subrequests.Select(s => new CompositeSubresponse(s.ReferenceId, 200, null))]));
        await using var production = new ServiceCollection().AddSingleton<IConfiguration>(settings).AddLogging().AddSingleton(salesforce).AddStripeEventProcessing().BuildServiceProvider();
        var envelope = System.Text.Json.JsonDocument.Parse(payload).RootElement;
        var message = new InboundMessage(envelope.GetProperty("id").GetString()!, envelope.GetProperty("type").GetString()!, payload,
            new Dictionary<string, object> { [MessageProperties.Attempt] = 1 });
        await production.GetRequiredService<EventProcessor>().ProcessAsync(message, CancellationToken.None);

        var first = sent.FirstOrDefault() ?? CompositeRequest.Empty;
        Assert.Equal(Text(first), Text(plan.Salesforce));
        var expected = first.IsEmpty ? new[] { EventPlan.NothingToWrite, EventPlan.Unmappable } : [EventPlan.Write];
        Assert.Contains(plan.Outcome, expected);
    }

    private static string Text(CompositeRequest request) =>
        $"allOrNone={request.AllOrNone}\n" + string.Join("\n", request.Subrequests.Select(s => $"{s.Method} {s.Url} {s.ReferenceId} {s.Body?.ToJsonString()}"));
}
