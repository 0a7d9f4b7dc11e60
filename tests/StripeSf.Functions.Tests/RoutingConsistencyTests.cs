using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Processing;
using StripeSf.Core.Routing;
using StripeSf.Functions.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace StripeSf.Functions.Tests;

/// <summary>routes.json is the single source of truth: every routed type has a queue-triggered function and a handler, and nothing else does.</summary>
public sealed class RoutingConsistencyTests
{
    private static IEnumerable<(MethodInfo Method, string Name, ServiceBusTriggerAttribute Trigger)> QueueFunctions() =>
        from type in typeof(EventQueueFunctions).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        where function is not null
        from parameter in method.GetParameters()
        let trigger = parameter.GetCustomAttribute<ServiceBusTriggerAttribute>()
        where trigger is not null
        select (method, function.Name, trigger);

    [Fact]
    public void QueueFunctions_CoverExactlyTheRoutedTypes()
    {
        var queues = QueueFunctions().Select(f => f.Trigger.QueueName!).Order(StringComparer.Ordinal).ToList();

        // Every routed type, and the notification queue (queues.json), each with one function.
        Assert.Equal(RoutingTable.Default.EventTypes.Append(StripeSf.Core.Settlement.QueueSettings.NotificationQueue).Order(StringComparer.Ordinal), queues);
    }

    [Fact]
    public void QueueFunctions_SettleMessagesThemselvesOnTheServiceBusConnection()
    {
        Assert.All(QueueFunctions(), f =>
        {
            Assert.False(f.Trigger.AutoCompleteMessages, $"{f.Name} must not auto-complete: the outcome decides");
            Assert.Equal("ServiceBus", f.Trigger.Connection);
        });
    }

    [Fact]
    public void QueueFunctions_AreNamedAfterTheirEventTypeInPascalCase()
    {
        Assert.All(QueueFunctions(), f =>
        {
            var expected = string.Concat(f.Trigger.QueueName!.Split('.', '_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            Assert.Equal(expected, f.Name);
            Assert.Equal(expected, f.Method.Name);
        });
        Assert.Equal(QueueFunctions().Count(), QueueFunctions().Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void Flows_ExistForEveryRoutedTypeAndNoOther()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddStripeEventProcessing()
            .BuildServiceProvider();

        var registry = services.GetRequiredService<StripeSf.Core.Flows.FlowTable>();

        Assert.Equal(RoutingTable.Default.EventTypes, registry.EventTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Infra_CreatesItsQueuesFromTheSameRoutesFile()
    {
        var root = StripeSf.Testing.RepositoryRoot.Path;
        var serviceBus = Directory.EnumerateFiles(Path.Combine(root, "infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Where(text => text.Contains("loadJsonContent('../../src/StripeSf.Core/Routing/routes.json')", StringComparison.Ordinal))
            .ToList();

        // The compiled template's queue list is checked against routes.json by StripeSf.Infra.Tests (ArmTemplateTests).
        var bicep = Assert.Single(serviceBus);
        Assert.Contains("Microsoft.ServiceBus/namespaces/queues", bicep, StringComparison.Ordinal);
    }
}
