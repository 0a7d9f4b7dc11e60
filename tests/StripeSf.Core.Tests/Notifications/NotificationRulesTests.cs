using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StripeSf.Core.DependencyInjection;
using StripeSf.Core.Notifications;

namespace StripeSf.Core.Tests.Notifications;

public sealed class NotificationRulesTests
{
    private static readonly Notification Failed = new()
    {
        EventId = "evt_1", Class = NotificationClass.PaymentFailed, EventType = "invoice.payment_failed", Title = "t", Summary = "s",
        Amount = 49.99m, Currency = "USD", Plans = ["price_pro", "prod_pro"],
    };

    private static NotificationRules Rules(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddNotifications().BuildServiceProvider();
        return new NotificationRules(Options.Create(services.GetRequiredService<IOptions<NotificationOptions>>().Value));
    }

    [Fact]
    public void ChannelsFor_OnlyUrlsAndHostSet_DefaultClassesGoToEveryConfiguredChannel()
    {
        var rules = Rules(("Notifications:Slack:WebhookUrl", "https://hooks.example/1"), ("Notifications:Email:SmtpHost", "smtp.example"));

        Assert.Equal([NotificationChannelKind.Slack, NotificationChannelKind.Email], rules.ChannelsFor(Failed));
        Assert.Equal(NotificationOptions.DefaultClasses, rules.Effective.Select(r => r.Event));
        Assert.Empty(rules.ChannelsFor(Failed with { Class = NotificationClass.TrialEnding }));
        Assert.Empty(rules.ChannelsFor(Failed with { Class = NotificationClass.DisputeLost }));
    }

    [Fact]
    public void ChannelsFor_NoChannelConfigured_IsEmpty()
    {
        Assert.Empty(Rules().ChannelsFor(Failed));
    }

    [Fact]
    public void ChannelsFor_ConfiguredRules_ReplaceTheDefaultsAndPickTheirChannels()
    {
        var rules = Rules(
            ("Notifications:Slack:WebhookUrl", "https://hooks.example/1"),
            ("Notifications:Teams:WebhookUrl", "https://teams.example/1"),
            ("Notifications:Rules:0:Event", "TrialEnding"),
            ("Notifications:Rules:0:Channels:0", "Teams"),
            ("Notifications:Rules:1:Event", "PaymentFailed"),
            ("Notifications:Rules:1:Channels:0", "Email"));

        Assert.Equal([NotificationChannelKind.Teams], rules.ChannelsFor(Failed with { Class = NotificationClass.TrialEnding }));
        // The payment-failed rule names email, which is not configured; the defaults no longer apply.
        Assert.Empty(rules.ChannelsFor(Failed));
    }

    [Fact]
    public void ChannelsFor_LiveModeOnly_SkipsTestModeEvents()
    {
        var rules = Rules(("Notifications:Slack:WebhookUrl", "https://hooks.example/1"), ("Notifications:Rules:0:Event", "PaymentFailed"), ("Notifications:Rules:0:LiveModeOnly", "true"));

        Assert.Empty(rules.ChannelsFor(Failed));
        Assert.Equal([NotificationChannelKind.Slack], rules.ChannelsFor(Failed with { Livemode = true }));
    }

    [Fact]
    public void ChannelsFor_MinimumAmount_SkipsSmallerAmounts()
    {
        var rules = Rules(("Notifications:Slack:WebhookUrl", "https://hooks.example/1"), ("Notifications:Rules:0:Event", "PaymentFailed"), ("Notifications:Rules:0:MinimumAmount", "100"));

        Assert.Empty(rules.ChannelsFor(Failed));
        Assert.Equal([NotificationChannelKind.Slack], rules.ChannelsFor(Failed with { Amount = 100m }));
    }

    [Fact]
    public void ChannelsFor_Plan_MatchesAPriceOrProductOfTheEvent()
    {
        var rules = Rules(("Notifications:Slack:WebhookUrl", "https://hooks.example/1"), ("Notifications:Rules:0:Event", "PaymentFailed"), ("Notifications:Rules:0:Plan", "prod_pro"));

        Assert.Equal([NotificationChannelKind.Slack], rules.ChannelsFor(Failed));
        Assert.Empty(rules.ChannelsFor(Failed with { Plans = ["prod_basic"] }));
    }
}
