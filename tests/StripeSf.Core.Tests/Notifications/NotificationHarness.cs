using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Notifications;
using StripeSf.Testing.Notifications;

namespace StripeSf.Core.Tests.Notifications;

/// <summary>The real notification registrations, pointed at loopback Slack, Teams and SMTP receivers.</summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotificationHarness(LoopbackWebhookReceiver slack, LoopbackWebhookReceiver teams, LoopbackSmtpServer smtp, ServiceProvider services)
    {
        Slack = slack;
        Teams = teams;
        Smtp = smtp;
        _services = services;
    }

    public LoopbackWebhookReceiver Slack { get; }

    public LoopbackWebhookReceiver Teams { get; }

    public LoopbackSmtpServer Smtp { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<NotificationHarness> StartAsync(params (string Key, string Value)[] extra)
    {
        var slack = await LoopbackWebhookReceiver.StartAsync();
        var teams = await LoopbackWebhookReceiver.StartAsync(System.Net.HttpStatusCode.Accepted);
        var smtp = LoopbackSmtpServer.Start();
        var values = new Dictionary<string, string?>
        {
            ["Notifications:Slack:WebhookUrl"] = slack.Url.ToString(),
            ["Notifications:Teams:WebhookUrl"] = teams.Url.ToString(),
            ["Notifications:Email:SmtpHost"] = "127.0.0.1",
            ["Notifications:Email:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:UseTls"] = "false",
            ["Notifications:Email:From"] = "stripesf@example.com",
            ["Notifications:Email:To"] = "revops@example.com; owner@example.com",
            ["Notifications:LocalMaxRetryDelaySeconds"] = "0",
        };
        foreach (var (key, value) in extra)
        {
            values[key] = value;
        }

        var logs = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logs)))
            .AddNotifications()
            .BuildServiceProvider();
        return new NotificationHarness(slack, teams, smtp, services) { _logSource = logs };
    }

    private ConcurrentQueue<string> _logSource = new();


    /// <summary>Every log line written so far (rendered, with exceptions).</summary>
    public IReadOnlyList<string> LogLines => [.. _logSource];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Slack.DisposeAsync();
        await Teams.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}
