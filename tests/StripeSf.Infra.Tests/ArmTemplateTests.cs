using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using StripeSf.Core.Settlement;

namespace StripeSf.Infra.Tests;

/// <summary>The compiled infra/main.bicep (infra/out/main.json) deploys what the app relies on.</summary>
public sealed partial class ArmTemplateTests
{
    private const string QueueType = "Microsoft.ServiceBus/namespaces/queues";

    private static readonly Dictionary<string, string> AppRoles = new()
    {
        ["Azure Service Bus Data Sender"] = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
        ["Azure Service Bus Data Receiver"] = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
        ["Key Vault Secrets User"] = "4633458b-17de-408a-b874-0445c86b69e6",
        ["Storage Blob Data Owner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        ["Storage Queue Data Contributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
        ["Storage Table Data Contributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
        ["Monitoring Metrics Publisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
    };

    [Fact]
    public void Queues_OnePerRoutedEventType()
    {
        var routed = RoutedEventTypes();
        var serviceBus = ArmTemplate.Module("serviceBus");
        var queue = Assert.Single(Resources(serviceBus, QueueType));

        // loadJsonContent inlines routes.json at build time; the copy loop makes one queue per entry.
        var inlined = serviceBus["variables"]!.AsObject()
            .Select(v => v.Value)
            .OfType<JsonObject>()
            .Single(v => v["eventTypes"] is not null)["eventTypes"]!.AsArray()
            .Select(t => (string)t!)
            .ToList();
        Assert.Equal(routed, inlined);
        Assert.Equal(routed.Count, routed.Distinct().Count());
        Assert.Equal("[variables('routes').eventTypes]", (string?)serviceBus["variables"]!["eventTypes"]);
        // The copy loop runs over the routed types and then the notification queue (queues.json).
        Assert.Equal("[concat(variables('eventTypes'), createArray(variables('queueSettings').notificationQueue))]", (string?)serviceBus["variables"]!["queueNames"]);
        Assert.Equal("[length(variables('queueNames'))]", (string?)queue["copy"]!["count"]);
        Assert.Contains("variables('queueNames')[copyIndex()]", (string?)queue["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void Queues_IncludeTheNotificationQueueTheCodePublishesTo()
    {
        var serviceBus = ArmTemplate.Module("serviceBus");
        var settings = serviceBus["variables"]!.AsObject().Select(v => v.Value).OfType<JsonObject>().Single(v => v["notificationQueue"] is not null);

        Assert.Equal(QueueSettings.NotificationQueue, (string?)settings["notificationQueue"]);
        Assert.DoesNotContain(QueueSettings.NotificationQueue, RoutedEventTypes());
    }

    [Fact]
    public void Queues_DetectDuplicatesForSevenDaysAndDeadLetterOnExpiry()
    {
        var serviceBus = ArmTemplate.Module("serviceBus");
        var queue = Assert.Single(Resources(serviceBus, QueueType))["properties"]!;

        Assert.True((bool)queue["requiresDuplicateDetection"]!);
        Assert.Equal("P7D", (string?)ResolveVariable(queue["duplicateDetectionHistoryTimeWindow"], serviceBus));
        Assert.True((bool)queue["deadLetteringOnMessageExpiration"]!);
        Assert.False((bool)queue["requiresSession"]!);
    }

    [Fact]
    public void Queues_TakeTheirSettingsFromTheFileTheCodeReads()
    {
        var serviceBus = ArmTemplate.Module("serviceBus");
        var queue = Assert.Single(Resources(serviceBus, QueueType))["properties"]!;
        var code = QueueSettings.Default;

        // The settlement policy dead-letters on delivery MaxDeliveryCount; the queue must agree.
        Assert.Equal(code.MaxDeliveryCount, (int)ResolveVariable(queue["maxDeliveryCount"], serviceBus)!);
        Assert.Equal(SettlementPolicy.Default.MaxDeliveryCount, (int)ResolveVariable(queue["maxDeliveryCount"], serviceBus)!);
        Assert.Equal(code.LockDuration, XmlConvert.ToTimeSpan((string)ResolveVariable(queue["lockDuration"], serviceBus)!));
        Assert.Equal(code.DefaultMessageTimeToLive, XmlConvert.ToTimeSpan((string)ResolveVariable(queue["defaultMessageTimeToLive"], serviceBus)!));
        Assert.Equal(code.DuplicateDetectionHistoryTimeWindow, XmlConvert.ToTimeSpan((string)ResolveVariable(queue["duplicateDetectionHistoryTimeWindow"], serviceBus)!));
    }

    [Fact]
    public void QueueSettings_AreTenDeliveriesAndFiveMinuteLockAndNotDeploymentParameters()
    {
        var parameters = ArmTemplate.Main["parameters"]!.AsObject();

        Assert.Equal(10, QueueSettings.Default.MaxDeliveryCount);
        Assert.Equal(TimeSpan.FromMinutes(5), QueueSettings.Default.LockDuration);
        // A parameter could deploy queues that disagree with the code; the settings live in queues.json only.
        Assert.False(parameters.ContainsKey("maxDeliveryCount"), "maxDeliveryCount comes from src/StripeSf.Core/Settlement/queues.json");
        Assert.False(parameters.ContainsKey("lockDuration"), "lockDuration comes from src/StripeSf.Core/Settlement/queues.json");
    }

    [Fact]
    public void ServiceBus_IsStandardWithLocalAuthDisabled()
    {
        var ns = Assert.Single(Resources(ArmTemplate.Module("serviceBus"), "Microsoft.ServiceBus/namespaces"));

        Assert.Equal("Standard", (string?)ns["sku"]!["name"]);
        Assert.True((bool)ns["properties"]!["disableLocalAuth"]!);
    }

    [Fact]
    public void RoleAssignments_GrantTheAppEveryRoleItNeeds()
    {
        var granted = ArmTemplate.AllResources()
            .Where(x => (string?)x.Resource["type"] == "Microsoft.Authorization/roleAssignments")
            .Where(x => (string?)x.Resource["properties"]!["principalId"] == "[parameters('appPrincipalId')]")
            .Select(x => ResolveRoleId(x.Resource, x.Template))
            .ToList();

        Assert.All(AppRoles, role => Assert.True(granted.Contains(role.Value), $"missing role assignment: {role.Key}"));
        Assert.Equal(granted.Count, granted.Distinct().Count());
    }

    [Fact]
    public void Storage_AllowsIdentityAccessOnlyAndHasThePayloadContainer()
    {
        var storage = ArmTemplate.Module("storage");
        var account = Assert.Single(Resources(storage, "Microsoft.Storage/storageAccounts"));
        var mainStorage = ArmTemplate.Main["resources"]!.AsArray().Single(r => (string?)r!["name"] == "storage")!;

        Assert.False((bool)account["properties"]!["allowSharedKeyAccess"]!);
        Assert.Equal(2, Resources(storage, "Microsoft.Storage/storageAccounts/blobServices/containers").Count);
        Assert.Equal("stripe-payloads", (string?)mainStorage["properties"]!["parameters"]!["payloadContainerName"]!["value"]);
    }

    [Fact]
    public void FunctionApp_IsFlexConsumptionDotnetIsolated10WithIdentityConnections()
    {
        var module = ArmTemplate.Module("functionApp");
        var plan = Assert.Single(Resources(module, "Microsoft.Web/serverfarms"));
        var site = Assert.Single(Resources(module, "Microsoft.Web/sites"));
        var settings = Assert.Single(Resources(module, "Microsoft.Web/sites/config"))["properties"]!.AsObject();
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.Equal("managedidentity", (string?)settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("managedidentity", (string?)settings["ServiceBus__credential"]);
        Assert.True(settings.ContainsKey("ServiceBus__fullyQualifiedNamespace"));
        Assert.True(settings.ContainsKey("ServiceBus__clientId"));
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "no connection string: storage is identity-based");
        Assert.False(settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"), "Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME");
    }

    [Theory]
    [InlineData("Stripe__WebhookSecrets")]
    [InlineData("Stripe__ApiKey")]
    [InlineData("Salesforce__PrivateKey")]
    [InlineData("Salesforce__ClientSecret")]
    public void Secrets_AreKeyVaultReferences(string setting)
    {
        var settings = Assert.Single(Resources(ArmTemplate.Module("functionApp"), "Microsoft.Web/sites/config"))["properties"]!;

        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", (string?)settings[setting], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Notifications__Slack__WebhookUrl", "slackOn", "slackWebhookUrl")]
    [InlineData("Notifications__Teams__WebhookUrl", "teamsOn", "teamsWebhookUrl")]
    [InlineData("Notifications__Email__Password", "smtpLogin", "smtpPassword")]
    public void NotificationSecrets_AreKeyVaultReferences_OnlyWhenTheChannelIsOn(string setting, string condition, string secret)
    {
        var settings = Assert.Single(Resources(ArmTemplate.Module("functionApp"), "Microsoft.Web/sites/config"))["properties"]!;

        // An empty setting is a channel that is off; a reference to a secret that does not exist would read as a URL.
        Assert.Equal($"[if(variables('{condition}'), format('@Microsoft.KeyVault(SecretUri={{0}})', parameters('secretUris').{secret}), '')]", (string?)settings[setting]);
        Assert.Contains($"secrets/${{secretNames.{secret}}}", File.ReadAllText(RepositoryPaths.Combine("infra/modules/keyVault.bicep")), StringComparison.Ordinal);
    }

    [Fact]
    public void NotificationSettings_AreTheKeysTheCodeBinds()
    {
        var settings = Assert.Single(Resources(ArmTemplate.Module("functionApp"), "Microsoft.Web/sites/config"))["properties"]!.AsObject();
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")))!["Values"]!.AsObject();
        string[] keys =
        [
            "Notifications__Slack__WebhookUrl", "Notifications__Teams__WebhookUrl", "Notifications__Email__SmtpHost", "Notifications__Email__SmtpPort",
            "Notifications__Email__UseTls", "Notifications__Email__From", "Notifications__Email__To", "Notifications__Email__Username",
            "Notifications__Email__Password", "Notifications__Chatter__Enabled", "Notifications__SalesforceUrl",
        ];

        Assert.All(keys, key => Assert.True(settings.ContainsKey(key), $"functionApp.bicep does not set {key}"));
        Assert.All(keys, key => Assert.True(sample.ContainsKey(key), $"local.settings.sample.json does not list {key}"));
    }

    [Fact]
    public void DunningSettings_AreTheKeysTheCodeBinds()
    {
        var settings = Assert.Single(Resources(ArmTemplate.Module("functionApp"), "Microsoft.Web/sites/config"))["properties"]!.AsObject();
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("local.settings.sample.json")))!["Values"]!.AsObject();
        string[] keys = ["Dunning__OpenCase", "Dunning__CaseQueue", "Dunning__CasePriority"];

        Assert.All(keys, key => Assert.True(settings.ContainsKey(key), $"functionApp.bicep does not set {key}"));
        Assert.All(keys, key => Assert.Equal(key, $"{StripeSf.Core.Flows.Invoices.DunningOptions.SectionName}__{key.Split("__")[1]}"));
        Assert.All(keys, key => Assert.NotNull(typeof(StripeSf.Core.Flows.Invoices.DunningOptions).GetProperty(key.Split("__")[1])));
        Assert.Equal("[string(coalesce(tryGet(parameters('dunning'), 'openCase'), false()))]", (string?)settings["Dunning__OpenCase"]);
        Assert.All(keys, key => Assert.True(sample.ContainsKey(key), $"local.settings.sample.json does not list {key}"));
        Assert.Equal("false", (string?)sample["Dunning__OpenCase"]);
    }

    [Fact]
    public void KeyVault_UsesRbac()
    {
        var vault = Assert.Single(Resources(ArmTemplate.Module("keyVault"), "Microsoft.KeyVault/vaults"));

        Assert.True((bool)vault["properties"]!["enableRbacAuthorization"]!);
    }

    [Fact]
    public void Alerts_DeadLettersPerQueue()
    {
        var alert = Assert.Single(Resources(ArmTemplate.Module("alerts"), "Microsoft.Insights/metricAlerts"));
        var criterion = alert["properties"]!["criteria"]!["allOf"]![0]!;

        Assert.Equal("DeadletteredMessages", (string?)criterion["metricName"]);
        Assert.Equal("EntityName", (string?)criterion["dimensions"]![0]!["name"]);
        Assert.Equal("*", (string?)criterion["dimensions"]![0]!["values"]![0]);
    }

    [Fact]
    public void Alerts_FunctionFailuresAndReconciliationDiscrepancies()
    {
        var queries = Resources(ArmTemplate.Module("alerts"), "Microsoft.Insights/scheduledQueryRules")
            .Select(r => (string)r["properties"]!["criteria"]!["allOf"]![0]!["query"]!)
            .ToList();

        Assert.Equal(3, queries.Count);
        Assert.Contains(queries, q => q.Contains("success == false", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("ReconciliationDiscrepancy", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("StripeEndpointUnhealthy", StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_ChartsTheDocumentedTelemetry()
    {
        var module = ArmTemplate.Module("workbook");
        Assert.Single(Resources(module, "Microsoft.Insights/workbooks"));
        var content = module["variables"]!["content"]!.ToJsonString();

        Assert.Contains("EventType", content, StringComparison.Ordinal);
        Assert.Contains("Outcome", content, StringComparison.Ordinal);
        Assert.Contains("DeadletteredMessages", content, StringComparison.Ordinal);
        Assert.Contains("SalesforceApiUsagePercent", content, StringComparison.Ordinal);
        Assert.Contains("EventLagSeconds", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "test")]
    [InlineData("prod", "live")]
    public void ParameterFile_SetsTheEnvironmentAndStripeMode(string environment, string mode)
    {
        _ = ArmTemplate.Main; // builds infra/out (template and parameter files) when missing
        var file = RepositoryPaths.Combine($"infra/out/main.{environment}.parameters.json");
        var parameters = JsonNode.Parse(File.ReadAllText(file))!["parameters"]!;

        Assert.Equal(environment, (string?)parameters["environmentName"]!["value"]);
        Assert.Equal(mode, (string?)parameters["stripeExpectedMode"]!["value"]);
        Assert.Equal(environment == "prod", (bool)parameters["enablePurgeProtection"]!["value"]!);
    }

    private static List<JsonObject> Resources(JsonObject template, string type) =>
        template["resources"]!.AsArray().Select(r => r!.AsObject()).Where(r => (string?)r["type"] == type).ToList();

    private static List<string> RoutedEventTypes() =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("src/StripeSf.Core/Routing/routes.json")))!["eventTypes"]!
            .AsArray().Select(t => (string)t!).ToList();

    // A property set from a loadJsonContent variable is "[variables('queueSettings').maxDeliveryCount]",
    // and the variable is "[variables('$fxv#1')]", the inlined file.
    private static JsonNode? ResolveVariable(JsonNode? value, JsonObject template)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var expression))
        {
            return value;
        }

        var match = VariableProperty().Match(expression);
        if (!match.Success)
        {
            return value;
        }

        var variable = ResolveVariable(template["variables"]![match.Groups[1].Value], template);
        return match.Groups[2].Success ? ResolveVariable(variable![match.Groups[2].Value], template) : variable;
    }

    // roleDefinitionId is "[subscriptionResourceId('…/roleDefinitions', variables('xRoleId'))]".
    private static string ResolveRoleId(JsonObject assignment, JsonObject template)
    {
        var expression = (string)assignment["properties"]!["roleDefinitionId"]!;
        var variable = VariableReference().Match(expression);
        return variable.Success ? (string)template["variables"]![variable.Groups[1].Value]! : expression;
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)(?:\.(\w+))?\]$")]
    private static partial Regex VariableProperty();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
