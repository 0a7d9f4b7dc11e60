using System.CommandLine;
using System.Text.Json;
using StripeSf.Cli.Hosting;
using StripeSf.Core.Routing;
using StripeSf.ServiceBus;

namespace StripeSf.Cli.Commands;

/// <summary><c>stripesf deadletters [--queue Q]</c> and <c>stripesf deadletters replay QUEUE [--count N]</c>, against the configured Service Bus.</summary>
public static class DeadLettersCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The command group.</summary>
    public static Command Create()
    {
        var queue = new Option<string?>("--queue") { Description = "One queue (an event type); default: every routed queue." };
        var list = new Command("deadletters", "Summarise dead letters per queue: count, oldest, top reasons (needs ServiceBus__fullyQualifiedNamespace and az login, or ServiceBus).") { queue };
        list.SetAction(async (parse, cancellationToken) => await WithAdministrator(async admin =>
        {
            var summaries = await admin.SummarizeAsync(parse.GetValue(queue), cancellationToken);
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(summaries.Where(s => s.Count > 0 || parse.GetValue(queue) is not null), Json));
        }));

        var replayQueue = new Argument<string>("queue") { Description = "The queue (an event type) whose dead letters to replay." };
        var count = new Option<int>("--count") { Description = "How many to replay.", DefaultValueFactory = _ => 1 };
        var replay = new Command("replay", "Move dead letters back onto their queue with new MessageIds (original id and replay count kept).") { replayQueue, count };
        replay.SetAction(async (parse, cancellationToken) => await WithAdministrator(async admin =>
        {
            var replayed = await admin.ReplayAsync(parse.GetValue(replayQueue)!, parse.GetValue(count), cancellationToken);
            await Console.Out.WriteLineAsync($"replayed {replayed.Count}: {string.Join(", ", replayed)}");
        }));
        list.Subcommands.Add(replay);
        return list;
    }

    private static async Task<int> WithAdministrator(Func<DeadLetterAdministrator, Task> action)
    {
        var configuration = CliConfiguration.Build();
        if (!ServiceBusClientFactory.IsConfigured(configuration))
        {
            await Console.Error.WriteLineAsync("stripesf deadletters: set ServiceBus__fullyQualifiedNamespace (with az login) or ServiceBus (a connection string)");
            return 1;
        }

        await using var client = ServiceBusClientFactory.Create(configuration);
        await using var publisher = new ServiceBusEventPublisher(client);
        try
        {
            await action(new DeadLetterAdministrator(client, publisher, RoutingTable.Default));
            return 0;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"stripesf deadletters: {ex.Message}");
            return 1;
        }
    }
}
