using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Cli.Hosting;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Notifications;
using StripeSf.Core.Settlement;

namespace StripeSf.Cli.Commands;

/// <summary>
/// <c>stripesf notify test RULE</c>: sends a sample notification of the class RULE (PaymentFailed,
/// DisputeOpened, …) through every configured channel — whatever the rules say — to check the
/// webhook URLs and SMTP settings; exits 1 when a channel did not take it, 2 when none is configured.
/// </summary>
public static class NotifyCommand
{
    /// <summary>The command.</summary>
    public static Command Create()
    {
        var rule = new Argument<string>("rule") { Description = $"Notification class: {string.Join(", ", Enum.GetNames<NotificationClass>())}." };
        var test = new Command("test", "Send a sample notification through each configured channel.") { rule };
        test.SetAction(async (parse, cancellationToken) => await TestAsync(CliConfiguration.Build(), parse.GetValue(rule)!, Console.Out, cancellationToken));
        return new Command("notify", "Notifications (Slack, Teams, email).") { test };
    }

    /// <summary>Sends the sample of <paramref name="rule"/>; prints one line per channel.</summary>
    public static async Task<int> TestAsync(IConfiguration configuration, string rule, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!Enum.TryParse<NotificationClass>(rule, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            await output.WriteLineAsync($"stripesf notify test: unknown rule '{rule}'; one of {string.Join(", ", Enum.GetNames<NotificationClass>())}");
            return 2;
        }

        await using var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true))
            .AddNotifications()
            .BuildServiceProvider();
        var configured = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.ConfiguredChannels;
        if (configured.Contains(NotificationChannelKind.Chatter))
        {
            // A Chatter post goes on the record a real event wrote; a sample has none.
            await output.WriteLineAsync("chatter: not sampled (a Chatter post goes on the Account a real event wrote; replay an event to see one)");
        }

        var channels = configured.Where(c => c != NotificationChannelKind.Chatter).ToList();
        if (channels.Count == 0)
        {
            await output.WriteLineAsync("stripesf notify test: no channel is configured (Notifications__Slack__WebhookUrl, Notifications__Teams__WebhookUrl, Notifications__Email__SmtpHost)");
            return 2;
        }

        var sample = NotificationSamples.For(kind, $"evt_sample_{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}");
        var outbox = services.GetRequiredService<InProcessNotificationOutbox>();
        await outbox.EnqueueAsync([.. channels.Select(c => NotificationMessages.For(sample, c))], cancellationToken);
        foreach (var settled in outbox.Settled)
        {
            await output.WriteLineAsync(ReplayCommand.NotificationLine(settled));
        }

        return outbox.Settled.All(s => s.Action is SettlementAction.Complete) ? 0 : 1;
    }
}
