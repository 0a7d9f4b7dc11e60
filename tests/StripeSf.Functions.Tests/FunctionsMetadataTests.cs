using System.Text.Json.Nodes;
using StripeSf.Core.Routing;
using StripeSf.Testing;

namespace StripeSf.Functions.Tests;

/// <summary>
/// The <c>functions.metadata</c> the real Worker SDK's generator wrote at build time: what the
/// Functions host will index in Azure. Copied beside this test assembly by the project reference.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Functions = Load();

    private static JsonArray Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not write functions.metadata");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    private static IEnumerable<(string Name, JsonObject Trigger)> Triggers(string type) =>
        from f in Functions
        let trigger = f!["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["direction"]!.GetValue<string>() == "In")
        where trigger["type"]!.GetValue<string>() == type
        select (f["name"]!.GetValue<string>(), trigger);

    private static JsonObject Function(string name) =>
        Functions.Single(f => f!["name"]!.GetValue<string>() == name)!.AsObject();

    [Fact]
    public void ServiceBusTriggers_OnePerRoutedType_OnTheQueueNamedAfterIt()
    {
        var queues = Triggers("serviceBusTrigger").Select(t => t.Trigger["queueName"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        // Every routed type, and the notification queue (queues.json).
        Assert.Equal(RoutingTable.Default.EventTypes.Append(StripeSf.Core.Settlement.QueueSettings.NotificationQueue).Order(StringComparer.Ordinal), queues);
    }

    [Fact]
    public void ServiceBusTriggers_SettleThemselves_OneMessageAtATime_OnTheServiceBusConnection()
    {
        Assert.All(Triggers("serviceBusTrigger"), t =>
        {
            Assert.False(t.Trigger["autoCompleteMessages"]!.GetValue<bool>(), $"{t.Name} must not auto-complete: the outcome decides");
            Assert.Equal("ServiceBus", t.Trigger["connection"]!.GetValue<string>());
            Assert.Equal("One", t.Trigger["cardinality"]!.GetValue<string>());
            Assert.False(t.Trigger.ContainsKey("isSessionsEnabled") && t.Trigger["isSessionsEnabled"]!.GetValue<bool>(), $"{t.Name}: the queues are not sessionful");
        });
    }

    [Fact]
    public void Webhook_IsAPostOnStripeWebhook_ReturningHttp()
    {
        var webhook = Function("StripeWebhookFunction");
        var bindings = webhook["bindings"]!.AsArray();
        var trigger = bindings.Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;

        Assert.Equal("stripe/webhook", trigger["route"]!.GetValue<string>());
        Assert.Equal(["post"], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains(bindings, b => b!["type"]!.GetValue<string>() == "http" && b["direction"]!.GetValue<string>() == "Out");
    }

    [Fact]
    public void ReconciliationTimer_ReadsItsScheduleFromTheSettingTheAppAndSampleDefine()
    {
        var (_, timer) = Assert.Single(Triggers("timerTrigger"), t => t.Name == "Reconciliation");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!;
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "functionApp.bicep"));

        Assert.Equal("%Reconciliation__Schedule%", timer["schedule"]!.GetValue<string>());
        var schedule = sample["Reconciliation__Schedule"]!.GetValue<string>();
        Assert.Equal(6, schedule.Split(' ').Length); // NCRONTAB with seconds, as the Functions host reads it
        Assert.Contains($"Reconciliation__Schedule: '{schedule}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void RenewalsTimer_ReadsItsScheduleFromTheSettingTheAppAndSampleDefine()
    {
        var (_, timer) = Assert.Single(Triggers("timerTrigger"), t => t.Name == "Renewals");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!;
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "functionApp.bicep"));

        Assert.Equal("%Renewals__Schedule%", timer["schedule"]!.GetValue<string>());
        var schedule = sample["Renewals__Schedule"]!.GetValue<string>();
        Assert.Equal(6, schedule.Split(' ').Length);
        Assert.Contains($"Renewals__Schedule: '{schedule}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadSyncTimer_ReadsItsScheduleFromTheSettingTheAppAndSampleDefine_EveryTwoMinutesByDefault()
    {
        var (_, timer) = Assert.Single(Triggers("timerTrigger"), t => t.Name == "LeadSync");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!["Values"]!;
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "modules", "functionApp.bicep"));

        Assert.Equal("%LeadSync__Schedule%", timer["schedule"]!.GetValue<string>());
        var schedule = sample["LeadSync__Schedule"]!.GetValue<string>();
        Assert.Equal(new StripeSf.Core.Leads.LeadSyncOptions().Schedule, schedule);
        Assert.Equal("0 */2 * * * *", schedule);
        Assert.Contains($"LeadSync__Schedule: '{schedule}'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_DeadLetterEndpoints_NeedAFunctionKey()
    {
        foreach (var (name, route, method) in new[] { ("DeadLetterSummary", "ops/deadletters", "get"), ("DeadLetterReplay", "ops/deadletters/{queue}/replay", "post") })
        {
            var trigger = Function(name)["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;
            Assert.Equal(route, trigger["route"]!.GetValue<string>());
            Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal("Function", trigger["authLevel"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Metadata_DeclaresExactlyTheAppsFunctions_AndNothingElse()
    {
        var expected = RoutingTable.Default.EventTypes
            .Select(t => string.Concat(t.Split('.', '_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
            .Concat(["StripeWebhookFunction", "Reconciliation", "DeadLetterSummary", "DeadLetterReplay", "Notifications", "LeadSync"])
            .Concat(["Renewals"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Functions.Select(f => f!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(Functions, f =>
        {
            Assert.Equal("StripeSf.Functions.dll", f!["scriptFile"]!.GetValue<string>());
            Assert.Equal("dotnet-isolated", f["language"]!.GetValue<string>());
        });
    }

    [Fact]
    public void SourceGenerators_CompiledTheDirectExecutorAndMetadataProviderIntoTheApp()
    {
        var app = typeof(StripeSf.Functions.Hosting.FunctionsApp).Assembly;

        Assert.Contains(app.GetTypes(), t => t.Name == "DirectFunctionExecutor");
        Assert.Contains(app.GetTypes(), t => t.Name == "FunctionMetadataProviderAutoStartup");
    }

    [Fact]
    public void WorkerConfig_StartsTheBuiltAssembly()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "worker.config.json")))!;

        Assert.Equal("StripeSf.Functions.dll", config["description"]!["defaultWorkerPath"]!.GetValue<string>());
    }
}
